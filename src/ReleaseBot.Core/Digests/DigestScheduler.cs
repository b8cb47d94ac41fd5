using Microsoft.Extensions.Logging;
using ReleaseBot.Core.Dispatch;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Planning;

namespace ReleaseBot.Core.Digests;

/// <summary>
/// Plans each digest subscriber's daily digest at their local time, once per local date.
/// A digest is planned as an outbox row, so the dispatcher sends it with the same retries as
/// any other message. After downtime only the latest due date is caught up, and only within
/// <see cref="DigestOptions.CatchUpWindow"/>; older dates are skipped (the next digest's
/// window starts where the last one ended, so nothing detected in between is lost).
/// </summary>
public sealed partial class DigestScheduler(
    ISubscriptionStore subscriptions,
    IDigestLog digestLog,
    IOutbox outbox,
    DeliveryPlanner planner,
    DigestContent content,
    DigestOptions options,
    TimeProvider time,
    ILogger<DigestScheduler> logger)
{
    /// <summary>Looks at every digest subscriber once; returns how many digests were planned.</summary>
    public async Task<int> TickAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var planned = 0;
        foreach (var subscription in await subscriptions.GetSubscriptionsAsync(activeOnly: true, cancellationToken))
        {
            if (!subscription.WantsDigest)
            {
                continue;
            }

            try
            {
                if (await TickAsync(subscription, now, cancellationToken))
                {
                    planned++;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.SubscriptionFailed(logger, ex, subscription.Id);
            }
        }

        return planned;
    }

    private async Task<bool> TickAsync(Subscription subscription, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!DigestClock.TryFindZone(subscription.TimeZone, out var zone))
        {
            Log.UnknownZone(logger, subscription.Id, subscription.TimeZone);
            return false;
        }

        var (date, dueAt) = DigestClock.LatestDue(now, subscription.DigestTime, zone);
        if (dueAt < subscription.CreatedAt)
        {
            return false; // the subscription did not exist when this date's digest was due
        }

        var last = await digestLog.GetLastAsync(subscription.Id, cancellationToken);
        if (last is not null && last.LocalDate >= date)
        {
            return false;
        }

        if (now - dueAt > options.CatchUpWindow)
        {
            Log.Missed(logger, subscription.Id, date);
            return false;
        }

        var from = last?.CoversTo ?? Max(subscription.CreatedAt, now - TimeSpan.FromDays(1));
        var digest = new BotEvent
        {
            Id = $"digest:{subscription.Id}:{date:yyyy-MM-dd}",
            Kind = EventKind.Digest,
            OccurredAt = now,
            DigestDate = date,
            CoversFrom = from,
            CoversTo = now,
        };

        var send = options.EmptyDay == DigestEmptyDay.Note
            || await content.HasNewsAsync(subscription, from, now, cancellationToken);
        if (send && !await planner.PlanForAsync(digest, subscription, cancellationToken))
        {
            // Planned before a crash that came before the record: keep the window it was planned with.
            var existing = await outbox.GetAsync(Delivery.KeyFor(subscription.Id, digest.Id), cancellationToken);
            digest = existing?.Event ?? digest;
        }

        // The row goes first and the record second: a crash in between re-plans the same key
        // (a no-op) instead of recording a digest that was never planned.
        await digestLog.TryAddAsync(new DigestRecord
        {
            Id = DigestRecord.KeyFor(subscription.Id, date),
            SubscriptionId = subscription.Id,
            LocalDate = date,
            CoversFrom = digest.CoversFrom ?? from,
            CoversTo = digest.CoversTo ?? now,
            PlannedAt = now,
        }, cancellationToken);

        Log.Planned(logger, subscription.Id, date, send);
        return send;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static partial class Log
    {
        [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Digest of {SubscriptionId} for {Date} planned (sent: {Sent})")]
        public static partial void Planned(ILogger logger, string subscriptionId, DateOnly date, bool sent);

        [LoggerMessage(EventId = 1402, Level = LogLevel.Information, Message = "Digest of {SubscriptionId} for {Date} missed beyond the catch-up window; skipped")]
        public static partial void Missed(ILogger logger, string subscriptionId, DateOnly date);

        [LoggerMessage(EventId = 1403, Level = LogLevel.Warning, Message = "Subscription {SubscriptionId} has an unknown time zone {Zone}")]
        public static partial void UnknownZone(ILogger logger, string subscriptionId, string zone);

        [LoggerMessage(EventId = 1404, Level = LogLevel.Error, Message = "Digest planning for {SubscriptionId} failed")]
        public static partial void SubscriptionFailed(ILogger logger, Exception exception, string subscriptionId);
    }
}
