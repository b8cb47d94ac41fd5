using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Health;
using ReleaseBot.Core.Ports;

namespace ReleaseBot.Core.Dispatch;

/// <summary>
/// Writes what happened to a delivery (and, for lost or moved chats, to its subscription).
/// Every write uses <see cref="CancellationToken.None"/>: once a platform has answered, the
/// answer must reach the store even when the loop is being stopped.
/// </summary>
public sealed class OutcomeRecorder(IOutbox outbox, ISubscriptionStore subscriptions, DispatchOptions options, TimeProvider time)
{
    /// <summary>Records a send's outcome; returns the instant the chat's other rows must wait for, or null.</summary>
    public async Task<DateTimeOffset?> RecordAsync(Delivery delivery, Subscription subscription, SendOutcome outcome)
    {
        var now = time.GetUtcNow();
        switch (outcome)
        {
            case SendOutcome.Sent sent:
                await UpdateAsync(delivery with
                {
                    State = DeliveryState.Sent,
                    Attempts = delivery.Attempts + 1,
                    SentAt = now,
                    PlatformMessageIds = sent.MessageIds,
                    LastError = null,
                });
                ReleaseBotMetrics.DeliveriesSent.Add(1, ReleaseBotMetrics.PlatformTag(delivery.Platform));
                return null;

            case SendOutcome.WaitUntil wait:
                // The chat's limits (the platform's or the sender's own) are not a failure: no attempt counted.
                return await DeferAsync(delivery, wait.Until, wait.Reason);

            case SendOutcome.Transient transient:
                return await RetryLaterAsync(delivery, transient.Reason);

            case SendOutcome.ChatUnavailable unavailable:
                await subscriptions.UpsertSubscriptionAsync(subscription with
                {
                    Active = false,
                    PausedReason = unavailable.Reason,
                    PausedAt = now,
                }, CancellationToken.None);
                await DropAsync(delivery with { Attempts = delivery.Attempts + 1 }, $"chat unavailable: {unavailable.Reason}");
                return null;

            case SendOutcome.ChatGone gone:
                // Nothing to resume later: the subscription goes, and the lane drops the chat's other rows with it.
                await subscriptions.DeleteSubscriptionAsync(subscription.Id, CancellationToken.None);
                await DropAsync(delivery with { Attempts = delivery.Attempts + 1 }, $"chat gone: {gone.Reason}");
                return null;

            case SendOutcome.Permanent permanent:
                await FailAsync(delivery with { Attempts = delivery.Attempts + 1 }, permanent.Reason);
                return null;

            case SendOutcome.Migrated migrated:
                await FailAsync(delivery with { Attempts = delivery.Attempts + 1 }, $"chat keeps migrating (last to {migrated.NewChatId})");
                return null;

            default:
                throw new ArgumentOutOfRangeException(nameof(outcome), outcome.GetType().Name, "Unknown send outcome.");
        }
    }

    /// <summary>
    /// Counts a failed attempt: the row waits Base·2^(n−1) (capped), or fails after
    /// <see cref="DispatchOptions.MaxAttempts"/> once it is older than <see cref="DispatchOptions.GiveUpAfter"/>.
    /// Returns the next attempt's instant, or null when it failed.
    /// </summary>
    public async Task<DateTimeOffset?> RetryLaterAsync(Delivery delivery, string reason)
    {
        var failures = delivery.Attempts + 1;
        if (failures >= options.MaxAttempts && time.GetUtcNow() - delivery.CreatedAt >= options.GiveUpAfter)
        {
            await FailAsync(delivery with { Attempts = failures }, $"gave up after {failures} attempts: {reason}");
            return null;
        }

        var next = time.GetUtcNow() + options.BackoffAfter(failures);
        await UpdateAsync(delivery with { Attempts = failures, NextAttemptAt = next, LastError = reason });
        return next;
    }

    public Task DropAsync(Delivery delivery, string reason) =>
        UpdateAsync(delivery with { State = DeliveryState.Dropped, LastError = reason });

    /// <summary>Moves the row's next attempt to <paramref name="until"/> without counting an attempt.</summary>
    private async Task<DateTimeOffset> DeferAsync(Delivery delivery, DateTimeOffset until, string reason)
    {
        await UpdateAsync(delivery with { NextAttemptAt = until, LastError = reason });
        return until;
    }

    /// <summary>Keeps a row behind an earlier row of the same chat that has to wait.</summary>
    public Task HoldAsync(Delivery delivery, DateTimeOffset until) =>
        delivery.NextAttemptAt >= until ? Task.CompletedTask : UpdateAsync(delivery with { NextAttemptAt = until });

    /// <summary>
    /// Re-keys the subscription to the chat it migrated to (same id, so its rows follow).
    /// Null when that chat already has a subscription of its own: the old one is paused.
    /// </summary>
    public async Task<Subscription?> MigrateAsync(Subscription subscription, string newChatId)
    {
        var newChat = subscription.Chat with { ChatId = newChatId };
        var existing = await subscriptions.FindByChatAsync(newChat, CancellationToken.None);
        if (existing is not null && existing.Id != subscription.Id)
        {
            await subscriptions.UpsertSubscriptionAsync(subscription with
            {
                Active = false,
                PausedReason = $"chat migrated to {newChatId}",
                PausedAt = time.GetUtcNow(),
            }, CancellationToken.None);
            return null;
        }

        var moved = subscription with { Chat = newChat };
        await subscriptions.UpsertSubscriptionAsync(moved, CancellationToken.None);
        return moved;
    }

    private Task FailAsync(Delivery delivery, string reason)
    {
        ReleaseBotMetrics.DeliveriesFailed.Add(1, ReleaseBotMetrics.PlatformTag(delivery.Platform));
        return UpdateAsync(delivery with { State = DeliveryState.Failed, LastError = reason });
    }

    private Task UpdateAsync(Delivery delivery) => outbox.UpdateAsync(delivery, CancellationToken.None);
}
