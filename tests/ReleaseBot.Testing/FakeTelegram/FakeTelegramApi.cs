using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ReleaseBot.Testing.FakeTelegram;

/// <summary>
/// Routing, parameter parsing and answers of the fake: <c>/bot{token}/{method}</c> at the root, methods
/// case-insensitive, parameters from the query, a form or a JSON body (chunked or not), answers as
/// <c>{"ok":…}</c> with the HTTP status equal to <c>error_code</c> (tdlib/telegram-bot-api Query.h).
/// </summary>
internal sealed partial class FakeTelegramApi(FakeTelegramState state, TimeProvider time)
{
    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (state.DropConnections)
        {
            if (path.EndsWith("/sendMessage", StringComparison.OrdinalIgnoreCase))
            {
                state.CountDroppedSend();
            }

            context.Abort();
            return;
        }

        if (!path.StartsWith("/bot", StringComparison.Ordinal))
        {
            await WriteErrorAsync(context, 404, "Not Found");
            return;
        }

        var slash = path.IndexOf('/', 4);
        var token = slash < 0 ? path[4..] : path[4..slash];
        var method = slash < 0 ? string.Empty : path[(slash + 1)..].ToLowerInvariant();
        if (token.Length == 0 || token.StartsWith('0') || token.Length > 80 || !token.Contains(':', StringComparison.Ordinal))
        {
            await WriteErrorAsync(context, 401, "Unauthorized: invalid token specified");
            return;
        }

        if (!string.Equals(token, state.Options.Token, StringComparison.Ordinal))
        {
            await WriteErrorAsync(context, 401, "Unauthorized");
            return;
        }

        var parameters = await ReadParametersAsync(context.Request);
        var (status, body) = method switch
        {
            "getme" => Ok(GetMe()),
            "deletewebhook" => DeleteWebhook(parameters),
            "setwebhook" => SetWebhook(parameters),
            "setmycommands" => SetMyCommands(parameters),
            "getmycommands" => GetMyCommands(parameters),
            "getupdates" => await GetUpdatesAsync(parameters, context.RequestAborted),
            "sendmessage" => await AnswerLateAsync(SendMessage(parameters), parameters),
            "getchatmember" => await GetChatMemberAsync(parameters, context.RequestAborted),
            "getchat" => GetChat(parameters),
            _ => Error(404, "Not Found: method not found"),
        };
        state.Record(new FakeApiCall(method, parameters, status, time.GetUtcNow()));
        await WriteAsync(context, status, body);
    }

    private JsonObject GetMe() => new()
    {
        ["id"] = state.Options.BotId,
        ["is_bot"] = true,
        ["first_name"] = state.Options.BotFirstName,
        ["username"] = state.Options.BotUsername,
        ["can_join_groups"] = true,
        ["can_read_all_group_messages"] = false,
        ["supports_inline_queries"] = false,
    };

    private (int, JsonObject) DeleteWebhook(JsonObject p)
    {
        state.WebhookUrl = null;
        state.WebhookSecret = null;
        if (Bool(p, "drop_pending_updates"))
        {
            state.DropPendingUpdates();
        }

        return Ok(true);
    }

    private (int, JsonObject) SetWebhook(JsonObject p)
    {
        var secret = Str(p, "secret_token");
        if (secret is not null && !SecretPattern().IsMatch(secret))
        {
            return Error(400, "Bad Request: secret token contains unallowed characters");
        }

        var url = Str(p, "url");
        state.WebhookUrl = string.IsNullOrEmpty(url) ? null : url;
        state.WebhookSecret = secret;
        if (Bool(p, "drop_pending_updates"))
        {
            state.DropPendingUpdates();
        }

        return Ok(true);
    }

    private (int, JsonObject) SetMyCommands(JsonObject p)
    {
        if (p["commands"] is not JsonArray commands || commands.Count > 100)
        {
            return Error(400, "Bad Request: too many commands");
        }

        foreach (var command in commands)
        {
            var name = command?["command"]?.GetValue<string>() ?? string.Empty;
            var description = command?["description"]?.GetValue<string>() ?? string.Empty;
            if (!CommandPattern().IsMatch(name))
            {
                return Error(400, "Bad Request: BOT_COMMAND_INVALID");
            }

            if (description.Length is < 1 or > 256)
            {
                return Error(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID");
            }
        }

        state.Commands[ScopeKey(p)] = (JsonArray)commands.DeepClone();
        return Ok(true);
    }

    private (int, JsonObject) GetMyCommands(JsonObject p) =>
        Ok(state.Commands.TryGetValue(ScopeKey(p), out var commands) ? commands.DeepClone() : new JsonArray());

    private static string ScopeKey(JsonObject p) =>
        $"{p["scope"]?["type"]?.GetValue<string>() ?? "default"}|{Str(p, "language_code") ?? string.Empty}";

    private (int, JsonObject) GetChat(JsonObject p)
    {
        if (Chat(p) is not { } chat)
        {
            return Error(400, "Bad Request: chat not found");
        }

        var info = ChatJson(chat);
        info["accent_color_id"] = 0;
        info["max_reaction_count"] = 11;
        info["accepted_gift_types"] = new JsonObject
        {
            ["unlimited_gifts"] = false,
            ["limited_gifts"] = false,
            ["unique_gifts"] = false,
            ["premium_subscription"] = false,
        };
        return Ok(info);
    }

    private async Task<(int, JsonObject)> GetChatMemberAsync(JsonObject p, CancellationToken requestAborted)
    {
        if (Chat(p) is not { } chat)
        {
            return Error(400, "Bad Request: chat not found");
        }

        await state.ChatMemberHold(chat.Id).WaitAsync(requestAborted);

        var userId = Long(p, "user_id") ?? 0;
        var isBot = userId == state.Options.BotId;
        var status = isBot ? chat.BotStatus : chat.Members.GetValueOrDefault(userId, chat.Type == "private" && chat.Id == userId ? "member" : "left");
        var member = new JsonObject
        {
            ["status"] = status,
            ["user"] = new JsonObject { ["id"] = userId, ["is_bot"] = isBot, ["first_name"] = isBot ? state.Options.BotFirstName : "User" },
        };
        switch (status)
        {
            case "administrator":
                foreach (var right in AdminRights)
                {
                    member[right] = false;
                }

                member["can_manage_chat"] = true;
                member["can_post_messages"] = !isBot || chat.BotCanPost;
                break;
            case "creator":
                member["is_anonymous"] = false;
                break;
            case "kicked":
                member["until_date"] = 0;
                break;
        }

        return Ok(member);
    }

    private static readonly string[] AdminRights =
    [
        "can_be_edited", "is_anonymous", "can_manage_chat", "can_delete_messages", "can_manage_video_chats",
        "can_restrict_members", "can_promote_members", "can_change_info", "can_invite_users", "can_post_stories",
        "can_edit_stories", "can_delete_stories", "can_post_messages", "can_edit_messages", "can_pin_messages", "can_manage_topics",
    ];

    internal static JsonObject ChatJson(FakeChat chat)
    {
        var json = new JsonObject { ["id"] = chat.Id, ["type"] = chat.Type };
        if (chat.Type == "private")
        {
            json["first_name"] = chat.Title ?? "User";
        }
        else if (chat.Title is not null)
        {
            json["title"] = chat.Title;
        }

        if (chat.Username is not null)
        {
            json["username"] = chat.Username;
        }

        return json;
    }

    private FakeChat? Chat(JsonObject p) => p["chat_id"] is { } id ? state.FindChat(id.ToString()) : null;

    private static async Task<JsonObject> ReadParametersAsync(HttpRequest request)
    {
        var parameters = new JsonObject();
        foreach (var (key, value) in request.Query)
        {
            parameters[key] = value.ToString();
        }

        if (request.HasFormContentType)
        {
            foreach (var (key, value) in await request.ReadFormAsync())
            {
                parameters[key] = ParseFormValue(value.ToString());
            }
        }
        else if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            using var reader = new StreamReader(request.Body);
            var text = await reader.ReadToEndAsync();
            if (text.Length > 0 && JsonNode.Parse(text) is JsonObject body)
            {
                foreach (var (key, value) in body.ToArray())
                {
                    body.Remove(key);
                    parameters[key] = value;
                }
            }
        }

        return parameters;
    }

    /// <summary>Form values may hold JSON (arrays, objects) as Telegram allows.</summary>
    private static JsonNode? ParseFormValue(string value)
    {
        if (value.StartsWith('{') || value.StartsWith('['))
        {
            try
            {
                return JsonNode.Parse(value);
            }
            catch (JsonException)
            {
                return value;
            }
        }

        return value;
    }

    internal static string? Str(JsonObject p, string name) => p[name] is JsonValue v ? v.ToString() : null;

    internal static long? Long(JsonObject p, string name) =>
        long.TryParse(Str(p, name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    internal static bool Bool(JsonObject p, string name) => string.Equals(Str(p, name), "true", StringComparison.OrdinalIgnoreCase);

    internal static (int, JsonObject) Ok(JsonNode? result) => (200, new JsonObject { ["ok"] = true, ["result"] = result });

    internal static (int, JsonObject) Error(int code, string description, JsonObject? parameters = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (parameters is not null)
        {
            body["parameters"] = parameters.DeepClone();
        }

        return (code, body);
    }

    private static Task WriteErrorAsync(HttpContext context, int code, string description) =>
        WriteAsync(context, code, Error(code, description).Item2);

    private static async Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        if (body["__html"] is JsonValue html)
        {
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync(html.ToString());
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial System.Text.RegularExpressions.Regex SecretPattern();

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial System.Text.RegularExpressions.Regex CommandPattern();
}
