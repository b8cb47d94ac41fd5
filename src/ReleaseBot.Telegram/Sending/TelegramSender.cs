using System.Globalization;
using Microsoft.Extensions.Logging;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Replies;
using ReleaseBot.Telegram.Rendering;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace ReleaseBot.Telegram.Sending;

/// <summary>
/// The delivery engine's Telegram sender: renders a reply to HTML parts and sends them in order.
/// Every Bot API error is turned into a <see cref="SendOutcome"/> here, in one place; 429s also hold
/// the chat back in the rate limiter. The dispatcher acquires the first part's slot; later parts acquire their own.
/// </summary>
public sealed partial class TelegramSender(
    ITelegramBotClient bot,
    TelegramRenderer renderer,
    TelegramRateLimiter rateLimiter,
    TimeProvider timeProvider,
    ILogger<TelegramSender> logger) : IMessageSender
{
    /// <summary>A later part that draws a 429 is waited out in place this often, so earlier parts are not sent twice.</summary>
    private const int PartRetries = 5;

    public Platform Platform => Platform.Telegram;

    public IChatRateLimiter RateLimiter => rateLimiter;

    public Task<SendOutcome> SendAsync(ChatAddress chat, Reply reply, CancellationToken cancellationToken) =>
        SendAsync(chat, reply, firstSlotHeld: true, cancellationToken);

    /// <summary>Sends a reply; with <paramref name="firstSlotHeld"/> false, also acquires the first part's slot (command replies).</summary>
    public async Task<SendOutcome> SendAsync(ChatAddress chat, Reply reply, bool firstSlotHeld, CancellationToken cancellationToken)
    {
        var parts = renderer.Render(reply);
        var ids = new List<string>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0 || !firstSlotHeld)
            {
                using var lease = await rateLimiter.AcquireAsync(chat, 1, cancellationToken);
            }

            // The dispatcher reschedules a first part that draws a 429; a command reply has no outbox row, so it waits here.
            var outcome = await SendPartAsync(chat, parts[i], retries: i == 0 && firstSlotHeld ? 0 : PartRetries, cancellationToken);
            if (outcome is not SendOutcome.Sent sent)
            {
                return outcome;
            }

            ids.AddRange(sent.MessageIds);
        }

        return new SendOutcome.Sent(ids);
    }

    private async Task<SendOutcome> SendPartAsync(ChatAddress chat, TelegramMessage part, int retries, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var outcome = await TrySendAsync(chat, part, cancellationToken);
            if (outcome is not SendOutcome.RetryAfter retry || attempt >= retries)
            {
                return outcome;
            }

            await Task.Delay(retry.Wait, timeProvider, cancellationToken);
        }
    }

    private async Task<SendOutcome> TrySendAsync(ChatAddress chat, TelegramMessage part, CancellationToken cancellationToken)
    {
        await rateLimiter.WaitGlobalSlotAsync(cancellationToken);
        try
        {
            var message = await bot.SendMessage(
                ToChatId(chat.ChatId),
                part.Html,
                parseMode: ParseMode.Html,
                linkPreviewOptions: part.DisableLinkPreview ? new LinkPreviewOptions { IsDisabled = true } : null,
                messageThreadId: chat.ThreadId is { } thread ? int.Parse(thread, CultureInfo.InvariantCulture) : null,
                cancellationToken: cancellationToken);
            rateLimiter.MarkSent(chat.ChatId);
            return new SendOutcome.Sent([message.Id.ToString(CultureInfo.InvariantCulture)]);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var outcome = TelegramErrorClassifier.Classify(ex);
            if (outcome is SendOutcome.RetryAfter retry)
            {
                rateLimiter.Defer(chat.ChatId, retry.Wait);
            }

            Log.SendFailed(logger, chat.Key, outcome.GetType().Name, ex.GetType().Name);
            return outcome;
        }
        finally
        {
            rateLimiter.ReleaseGlobalSlot();
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
