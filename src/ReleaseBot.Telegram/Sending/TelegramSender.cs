using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseBot.Core.Dispatch;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Health;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Replies;
using ReleaseBot.Telegram.Rendering;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace ReleaseBot.Telegram.Sending;

/// <summary>
/// Telegram's <see cref="IMessageSender"/>: renders a reply to HTML parts and sends them in order within Telegram's
/// limits, which it owns (<see cref="TelegramRateLimiter"/>). Every Bot API error is turned into a
/// <see cref="SendOutcome"/> here, in one place; 429s also hold the chat back in the limiter.
/// </summary>
/// <remarks>
/// The first part goes only when the chat's limits allow it now; otherwise the answer is
/// <see cref="SendOutcome.WaitUntil"/>, so the dispatcher lets the chat wait without holding a send slot. The global
/// pacing and the parts after the first (which must follow the first) are waited for here.
/// </remarks>
public sealed partial class TelegramSender(
    ITelegramBotClient bot,
    TelegramRenderer renderer,
    IOptions<TelegramOptions> options,
    TimeProvider timeProvider,
    ILogger<TelegramSender> logger) : IMessageSender
{
    /// <summary>
    /// A later part that draws a 429 is waited out in place this often, so earlier parts are not sent twice; a reply
    /// without an outbox row waits out its chat this often before it gives up.
    /// </summary>
    private const int WaitsInPlace = 5;

    private readonly TelegramRateLimiter _limiter = new(options, timeProvider);

    public Platform Platform => Platform.Telegram;

    /// <summary>A send from the outbox: Telegram has no way to recognise a repeat, so <paramref name="deliveryId"/> goes unused.</summary>
    public Task<SendOutcome> SendAsync(ChatAddress chat, Reply reply, string deliveryId, CancellationToken cancellationToken) =>
        SendAsync(chat, reply, cancellationToken);

    /// <summary>
    /// Sends a reply that has no outbox row to wait in (a command's answer, a post to a channel being subscribed):
    /// the chat's limits and 429s are waited out here rather than answered.
    /// </summary>
    public Task<SendOutcome> SendNowAsync(ChatAddress chat, Reply reply, CancellationToken cancellationToken) =>
        WaitOutAsync(token => SendAsync(chat, reply, token), WaitsInPlace, cancellationToken);

    private async Task<SendOutcome> SendAsync(ChatAddress chat, Reply reply, CancellationToken cancellationToken)
    {
        var parts = renderer.Render(reply);
        var ids = new List<string>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0)
            {
                await _limiter.WaitChatSlotAsync(chat.ChatId, cancellationToken);
            }
            else if (!_limiter.TryTakeChatSlot(chat.ChatId, out var freeAt))
            {
                return new SendOutcome.WaitUntil(freeAt, "the chat's send limit");
            }

            var part = parts[i];
            var outcome = await WaitOutAsync(token => TrySendAsync(chat, part, token), waits: i == 0 ? 0 : WaitsInPlace, cancellationToken);
            if (outcome is not SendOutcome.Sent sent)
            {
                return outcome;
            }

            ids.AddRange(sent.MessageIds);
        }

        return new SendOutcome.Sent(ids);
    }

    /// <summary>Sends, and while the answer is <see cref="SendOutcome.WaitUntil"/>, waits and sends again, at most <paramref name="waits"/> times.</summary>
    private async Task<SendOutcome> WaitOutAsync(Func<CancellationToken, Task<SendOutcome>> send, int waits, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var outcome = await send(cancellationToken);
            if (outcome is not SendOutcome.WaitUntil wait || attempt >= waits)
            {
                return outcome;
            }

            await timeProvider.DelayUntilAsync(wait.Until, cancellationToken);
        }
    }

    private async Task<SendOutcome> TrySendAsync(ChatAddress chat, TelegramMessage part, CancellationToken cancellationToken)
    {
        await _limiter.WaitGlobalSlotAsync(cancellationToken);
        try
        {
            var message = await bot.SendMessage(
                ToChatId(chat.ChatId),
                part.Html,
                parseMode: ParseMode.Html,
                linkPreviewOptions: part.DisableLinkPreview ? new LinkPreviewOptions { IsDisabled = true } : null,
                messageThreadId: chat.ThreadId is { } thread ? int.Parse(thread, CultureInfo.InvariantCulture) : null,
                cancellationToken: cancellationToken);
            _limiter.MarkSent(chat.ChatId);
            return new SendOutcome.Sent([message.Id.ToString(CultureInfo.InvariantCulture)]);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var outcome = TelegramErrorClassifier.Classify(ex, timeProvider.GetUtcNow());
            if (outcome is SendOutcome.WaitUntil wait)
            {
                ReleaseBotMetrics.RateLimited.Add(1, ReleaseBotMetrics.PlatformTag(Platform.Telegram));
                _limiter.Defer(chat.ChatId, wait.Until);
            }

            Log.SendFailed(logger, chat.Key, outcome.GetType().Name, ex.GetType().Name);
            return outcome;
        }
        finally
        {
            _limiter.ReleaseGlobalSlot();
        }
    }

    /// <summary>Numeric ids stay numbers on the wire; <c>@channel</c> names stay strings.</summary>
    public static ChatId ToChatId(string chatId) =>
        long.TryParse(chatId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? new ChatId(id) : new ChatId(chatId);

    private static partial class Log
    {
        [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Telegram send to {Chat} failed: {Outcome} ({Exception})")]
        public static partial void SendFailed(ILogger logger, string chat, string outcome, string exception);
    }
}
