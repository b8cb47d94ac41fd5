using System.Diagnostics;
using Microsoft.Extensions.Logging;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Health;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Replies;

namespace ReleaseBot.Core.Dispatch;

/// <summary>
/// Delivers one outbox row through one platform's sender: checks the subscription, composes, sends, and records what
/// the platform said. The sender owns the platform's rate limits; this bounds the sends in flight.
/// </summary>
/// <remarks>
/// <para>
/// Crash safety: a row is written as Sent only after <see cref="IMessageSender.SendAsync"/> has
/// returned. If the process dies (or the loop is cancelled) between the platform accepting a
/// message and that write, the row is still Pending and is sent again after the restart: the
/// bot delivers at least once and repeats at most the sends that were in flight (bounded by
/// <see cref="DispatchOptions.MaxConcurrency"/>). Marking the row first would turn the same
/// crash into lost messages, and neither Telegram's sendMessage nor a plain Discord post can
/// tell us afterwards whether a message arrived. Once a send has returned, its outcome is
/// written with <see cref="CancellationToken.None"/>, so a shutdown does not lose it.
/// </para>
/// <para>
/// A chat that has to wait answers <see cref="SendOutcome.WaitUntil"/> without holding a send slot. A short wait (a
/// chat's one-second spacing, a bucket about to refill) is waited here, in the chat's lane, so the row and the chat's
/// later rows are not rewritten for it; a longer one is written to the row, and the lane ends.
/// </para>
/// </remarks>
public sealed partial class DeliveryWorker(
    IMessageSender sender,
    ISubscriptionStore subscriptions,
    OutcomeRecorder recorder,
    DispatchOptions options,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>Migrations followed for one send before giving up (a chat migrates once in practice).</summary>
    private const int MaxMigrations = 3;

    /// <summary>The longest chat wait spent in the lane rather than written to the outbox.</summary>
    private static readonly TimeSpan MaxWaitInLane = TimeSpan.FromSeconds(2);

    /// <summary>Short waits in the lane for one row before the wait is written (a sender answering "soon" for ever).</summary>
    private const int MaxWaitsInLane = 3;

    private readonly SemaphoreSlim _sendSlots = new(options.MaxConcurrency, options.MaxConcurrency);

    /// <summary>
    /// Delivers a row the caller has just read as Pending while it alone writes that chat's rows (the engine's lane
    /// re-reads its rows once it owns the chat), composing through the pass's shared <paramref name="replies"/>.
    /// Returns the instant until which the rest of this chat's rows must wait (the chat has to wait, or a transient
    /// error, to keep one chat's messages in order), or null.
    /// </summary>
    /// <remarks>
    /// A row whose handling throws (a composer bug, a bad row) counts a failed attempt, so it backs off and finally
    /// fails instead of being retried in a tight loop.
    /// </remarks>
    public async Task<DateTimeOffset?> DeliverAsync(Delivery delivery, PassReplies replies, CancellationToken cancellationToken)
    {
        try
        {
            return await DeliverOrThrowAsync(delivery, replies, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.DeliveryFailed(logger, ex, delivery.Id);
            return await recorder.RetryLaterAsync(delivery, $"delivery failed: {ex.GetType().Name}");
        }
    }

    /// <summary>Keeps a chat's later rows behind an earlier one that has to wait until <paramref name="until"/>.</summary>
    public async Task HoldAsync(IEnumerable<Delivery> later, DateTimeOffset until)
    {
        foreach (var row in later)
        {
            await recorder.HoldAsync(row, until);
        }
    }

    private async Task<DateTimeOffset?> DeliverOrThrowAsync(Delivery delivery, PassReplies replies, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope("Delivery {DeliveryId}", delivery.Id);
        var subscription = await subscriptions.GetSubscriptionAsync(delivery.SubscriptionId, cancellationToken);
        if (subscription is null || !subscription.Active)
        {
            var reason = subscription is null
                ? "subscription removed"
                : $"subscription paused: {subscription.PausedReason ?? "no reason given"}";
            await recorder.DropAsync(delivery, reason);
            return null;
        }

        var reply = await replies.ComposeAsync(delivery.Event, subscription, cancellationToken);
        if (reply is null)
        {
            await recorder.DropAsync(delivery, "nothing to send any more");
            return null;
        }

        var migrations = 0;
        var waits = 0;
        while (true)
        {
            var outcome = await SendAsync(subscription.Chat, reply, delivery.Id, cancellationToken);
            Log.Sent(logger, delivery.Id, subscription.Chat.Key, outcome.GetType().Name);
            if (outcome is SendOutcome.Migrated migrated && migrations++ < MaxMigrations)
            {
                var moved = await recorder.MigrateAsync(subscription, migrated.NewChatId);
                if (moved is null)
                {
                    await recorder.DropAsync(delivery, $"chat migrated to {migrated.NewChatId}, which has its own subscription");
                    return null;
                }

                subscription = moved;
                continue;
            }

            if (outcome is SendOutcome.WaitUntil wait && wait.Until - time.GetUtcNow() <= MaxWaitInLane && waits++ < MaxWaitsInLane)
            {
                await time.DelayUntilAsync(wait.Until, cancellationToken);
                continue;
            }

            return await recorder.RecordAsync(delivery, subscription, outcome);
        }
    }

    private async Task<SendOutcome> SendAsync(ChatAddress chat, Reply reply, string deliveryId, CancellationToken cancellationToken)
    {
        await _sendSlots.WaitAsync(cancellationToken);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var outcome = await sender.SendAsync(chat, reply, deliveryId, cancellationToken);
            ReleaseBotMetrics.SendDuration.Record(
                ReleaseBotMetrics.SecondsSince(started), ReleaseBotMetrics.PlatformTag(chat.Platform), new("outcome", outcome.GetType().Name));
            return outcome;
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

        [LoggerMessage(EventId = 1303, Level = LogLevel.Error, Message = "Delivery {DeliveryId} failed; counted as a failed attempt")]
        public static partial void DeliveryFailed(ILogger logger, Exception exception, string deliveryId);
    }
}
