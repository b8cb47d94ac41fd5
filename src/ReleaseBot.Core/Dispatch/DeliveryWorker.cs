using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Replies;

namespace ReleaseBot.Core.Dispatch;

/// <summary>
/// Delivers one outbox row through one platform's sender: checks the subscription, composes,
/// waits for the rate limiter, sends, and records what the platform said.
/// </summary>
/// <remarks>
/// Crash safety: a row is written as Sent only after <see cref="IMessageSender.SendAsync"/> has
/// returned. If the process dies (or the loop is cancelled) between the platform accepting a
/// message and that write, the row is still Pending and is sent again after the restart: the
/// bot delivers at least once and repeats at most the sends that were in flight (bounded by
/// <see cref="DispatchOptions.MaxConcurrency"/>). Marking the row first would turn the same
/// crash into lost messages, and neither Telegram's sendMessage nor a plain Discord post can
/// tell us afterwards whether a message arrived. Once a send has returned, its outcome is
/// written with <see cref="CancellationToken.None"/>, so a shutdown does not lose it.
/// </remarks>
public sealed partial class DeliveryWorker(
    IMessageSender sender,
    IOutbox outbox,
    ISubscriptionStore subscriptions,
    IEventComposer composer,
    DispatchOptions options,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>Migrations followed for one send before giving up (a chat migrates once in practice).</summary>
    private const int MaxMigrations = 3;

    private readonly SemaphoreSlim _sendSlots = new(options.MaxConcurrency, options.MaxConcurrency);
    private readonly OutcomeRecorder _recorder = new(outbox, subscriptions, options, time);

    /// <summary>
    /// Delivers one row. Returns the instant until which the rest of this chat's rows must wait
    /// (rate limited or a transient error, to keep one chat's messages in order), or null.
    /// </summary>
    public async Task<DateTimeOffset?> DeliverAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        // The row was read by a pass that may have raced the lane that just sent it: send only what is still pending.
        if (await outbox.GetAsync(delivery.Id, cancellationToken) is not { State: DeliveryState.Pending } current)
        {
            return null;
        }

        return await DeliverCurrentAsync(current, new PassReplies(composer), cancellationToken);
    }

    /// <summary>
    /// Delivers a row the caller has just read as Pending while it alone writes that chat's rows (the engine's lane
    /// re-reads its rows once it owns the chat), composing through the pass's shared <paramref name="replies"/>.
    /// </summary>
    public async Task<DateTimeOffset?> DeliverCurrentAsync(Delivery delivery, PassReplies replies, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope("Delivery {DeliveryId}", delivery.Id);
        var subscription = await subscriptions.GetSubscriptionAsync(delivery.SubscriptionId, cancellationToken);
        if (subscription is null || !subscription.Active)
        {
            var reason = subscription is null
                ? "subscription removed"
                : $"subscription paused: {subscription.PausedReason ?? "no reason given"}";
            await _recorder.DropAsync(delivery, reason);
            return null;
        }

        var reply = await replies.ComposeAsync(delivery.Event, subscription, cancellationToken);
        if (reply is null)
        {
            await _recorder.DropAsync(delivery, "nothing to send any more");
            return null;
        }

        for (var migrations = 0; ; migrations++)
        {
            using var lease = await sender.RateLimiter.AcquireAsync(subscription.Chat, 1, cancellationToken);
            if (!lease.IsAcquired)
            {
                var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : options.BaseBackoff;
                return await _recorder.DeferAsync(delivery, wait, "rate limiter refused");
            }

            var outcome = await SendAsync(subscription.Chat, reply, cancellationToken);
            Log.Sent(logger, delivery.Id, subscription.Chat.Key, outcome.GetType().Name);
            if (outcome is SendOutcome.Migrated migrated && migrations < MaxMigrations)
            {
                var moved = await _recorder.MigrateAsync(subscription, migrated.NewChatId);
                if (moved is null)
                {
                    await _recorder.DropAsync(delivery, $"chat migrated to {migrated.NewChatId}, which has its own subscription");
                    return null;
                }

                subscription = moved;
                continue;
            }

            return await _recorder.RecordAsync(delivery, subscription, outcome);
        }
    }

    private async Task<SendOutcome> SendAsync(ChatAddress chat, Reply reply, CancellationToken cancellationToken)
    {
        await _sendSlots.WaitAsync(cancellationToken);
        try
        {
            return await sender.SendAsync(chat, reply, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Senders report platform errors as outcomes; anything thrown is a bug or a fault of
            // the wire, and retrying with backoff is the safe answer to both.
            Log.SenderThrew(logger, ex, chat.Key);
            return new SendOutcome.Transient($"sender failed: {ex.GetType().Name}");
        }
        finally
        {
            _sendSlots.Release();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1301, Level = LogLevel.Debug, Message = "Delivery {DeliveryId} to {Chat}: {Outcome}")]
        public static partial void Sent(ILogger logger, string deliveryId, string chat, string outcome);

        [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Sender threw for {Chat}")]
        public static partial void SenderThrew(ILogger logger, Exception exception, string chat);
    }
}
