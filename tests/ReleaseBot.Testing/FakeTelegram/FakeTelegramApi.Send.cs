using System.Text.Json.Nodes;

namespace ReleaseBot.Testing.FakeTelegram;

/// <summary>sendMessage: scripted failures, chat state, parse mode and length, then the rate limits.</summary>
internal sealed partial class FakeTelegramApi
{
    private readonly Lock _limitGate = new();
    private readonly Dictionary<long, FakeSlidingWindow> _perChat = [];
    private readonly Dictionary<long, FakeSlidingWindow> _perGroup = [];
    private FakeSlidingWindow? _global;

    /// <summary>
    /// The message is already taken (or refused); its answer waits for <see cref="FakeTelegramState.HoldSendAnswers"/>
    /// even when the client gives up, as an answer lost on the way would.
    /// </summary>
    private async Task<(int, JsonObject)> AnswerLateAsync((int, JsonObject) answer, JsonObject p)
    {
        if (Long(p, "chat_id") is { } chatId)
        {
            await state.SendAnswerHold(chatId);
        }

        return answer;
    }

    private (int, JsonObject) SendMessage(JsonObject p)
    {
        if (Chat(p) is not { } chat)
        {
            return Error(400, "Bad Request: chat not found");
        }

        if (state.TakeFailure(chat.Id) is { } failure)
        {
            if (failure.Status == 429)
            {
                state.CountTooManyRequests();
            }

            return failure.HtmlBody
                ? (failure.Status, new JsonObject { ["__html"] = failure.Description })
                : Error(failure.Status, failure.Description, failure.Parameters);
        }

        if (ChatError(chat) is { } chatError)
        {
            return chatError;
        }

        var text = Str(p, "text") ?? string.Empty;
        var parseMode = Str(p, "parse_mode");
        string plain;
        switch (parseMode?.ToLowerInvariant())
        {
            case null or "" or "none":
                plain = text;
                break;
            case "html":
                if (!FakeTelegramHtml.TryParse(text, out plain, out var error))
                {
                    return Error(400, $"Bad Request: can't parse entities: {error}");
                }

                break;
            case "markdownv2" or "markdown":
                plain = text;
                break;
            default:
                return Error(400, "Bad Request: Unsupported parse_mode");
        }

        if (plain.Trim().Length == 0)
        {
            return Error(400, "Bad Request: message text is empty");
        }

        if (plain.Length > 4096)
        {
            return Error(400, "Bad Request: message is too long");
        }

        var now = time.GetUtcNow();
        if (TryTakeSlot(chat, now) is { } wait)
        {
            state.CountTooManyRequests();
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            return Error(429, $"Too Many Requests: retry after {seconds}", new JsonObject { ["retry_after"] = seconds });
        }

        var preview = p["link_preview_options"]?["is_disabled"]?.GetValue<bool>() == true;
        var thread = (int?)Long(p, "message_thread_id");
        var sent = state.AddSent(chat.Id, id => new FakeSentMessage(chat.Id, id, text, plain, parseMode, preview, thread, now));
        return Ok(new JsonObject
        {
            ["message_id"] = sent.MessageId,
            ["date"] = now.ToUnixTimeSeconds(),
            ["chat"] = ChatJson(chat),
            ["text"] = plain,
        });
    }

    private static (int, JsonObject)? ChatError(FakeChat chat)
    {
        var kind = chat.Type == "private" ? "user" : $"{chat.Type} chat";
        return chat.Status switch
        {
            FakeChatStatus.Blocked => Error(403, "Forbidden: bot was blocked by the user"),
            FakeChatStatus.Kicked => Error(403, $"Forbidden: bot was kicked from the {kind}"),
            FakeChatStatus.NotMember => Error(403, $"Forbidden: bot is not a member of the {kind}"),
            FakeChatStatus.Deleted => Error(403, "Forbidden: the group chat was deleted"),
            FakeChatStatus.Migrated => Error(400, "Bad Request: group chat was upgraded to a supergroup chat",
                new JsonObject { ["migrate_to_chat_id"] = chat.MigratedTo }),
            _ => null,
        };
    }

    /// <summary>Null when every limit allows a send now (and the send is counted), else the wait the tightest limit imposes.</summary>
    private TimeSpan? TryTakeSlot(FakeChat chat, DateTimeOffset now)
    {
        if (!state.Options.EnforceLimits)
        {
            return null;
        }

        lock (_limitGate)
        {
            var windows = new List<FakeSlidingWindow>(3) { Window(_perChat, chat.Id, state.Options.PerChat) };
            if (chat.IsGroupLike)
            {
                windows.Add(Window(_perGroup, chat.Id, state.Options.PerGroup));
            }

            windows.Add(_global ??= new FakeSlidingWindow(state.Options.Global));
            var wait = windows.Max(w => w.WaitAt(now));
            if (wait > TimeSpan.Zero)
            {
                return wait;
            }

            windows.ForEach(w => w.Add(now));
            return null;
        }
    }

    private static FakeSlidingWindow Window(Dictionary<long, FakeSlidingWindow> windows, long chatId, FakeRateRule rule)
    {
        if (!windows.TryGetValue(chatId, out var window))
        {
            windows[chatId] = window = new FakeSlidingWindow(rule);
        }

        return window;
    }
}
