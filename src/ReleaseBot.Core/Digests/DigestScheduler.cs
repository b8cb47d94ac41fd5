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
    /// <summary>
    /// Looks at every digest subscriber once; returns how many digests were planned. The decisions are written a
    /// batch at a time: the batch's outbox rows in one commit, then its digest records in another.
    /// </summary>
    public async Task<int> TickAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var planned = 0;
        var batch = new List<DigestPlan>();
        await foreach (var subscription in subscriptions.ReadSubscriptionsAsync(activeOnly: true, after: null, cancellationToken))
        {
            if (!subscription.WantsDigest)
            {
                continue;
            }

            try
            {
                if (await DecideAsync(subscription, now, cancellationToken) is { } plan)
                {
                    batch.Add(plan);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.SubscriptionFailed(logger, ex, subscription.Id);
            }

            if (batch.Count >= DeliveryPlanner.Batch)
            {
                planned += await CommitAsync(batch, now, cancellationToken);
                batch.Clear();
            }
        }

        return planned + await CommitAsync(batch, now, cancellationToken);
    }

    private async Task<DigestPlan?> DecideAsync(Subscription subscription, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!DigestClock.TryFindZone(subscription.TimeZone, out var zone))
        {
            Log.UnknownZone(logger, subscription.Id, subscription.TimeZone);
            return null;
        }

        var (date, dueAt) = DigestClock.LatestDue(now, subscription.DigestTime, zone);
        if (dueAt < subscription.CreatedAt)
        {
            return null; // the subscription did not exist when this date's digest was due
        }

        var last = await digestLog.GetLastAsync(subscription.Id, cancellationToken);
        if (last is not null && last.LocalDate >= date)
        {
            return null;
        }

        if (now - dueAt > options.CatchUpWindow)
        {
            Log.Missed(logger, subscription.Id, date);
            return null;
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
        return new DigestPlan(subscription, date, digest, from, send);
    }

    private async Task<int> CommitAsync(IReadOnlyList<DigestPlan> batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        try
        {
            var added = await planner.PlanForManyAsync([.. batch.Where(p => p.Send).Select(p => (p.Digest, p.Subscription))], cancellationToken);
            var records = new List<DigestRecord>(batch.Count);
            foreach (var plan in batch)
            {
                var digest = plan.Digest;
                var key = Delivery.KeyFor(plan.Subscription.Id, digest.Id);
                if (plan.Send && !added.Contains(key))
                {
                    // Planned before a crash that came before the record: keep the window it was planned with.
                    digest = (await outbox.GetAsync(key, cancellationToken))?.Event ?? digest;
                }

                records.Add(new DigestRecord
                {
                    Id = DigestRecord.KeyFor(plan.Subscription.Id, plan.Date),
                    SubscriptionId = plan.Subscription.Id,
                    LocalDate = plan.Date,
                    CoversFrom = digest.CoversFrom ?? plan.From,
                    CoversTo = digest.CoversTo ?? now,
                    PlannedAt = now,
                });
            }

            // The rows go first and the records second: a crash in between re-plans the same keys
            // (a no-op) instead of recording digests that were never planned.
            await digestLog.TryAddManyAsync(records, cancellationToken);
            foreach (var plan in batch)
            {
                Log.Planned(logger, plan.Subscription.Id, plan.Date, plan.Send);
            }

            return batch.Count(p => p.Send);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.BatchFailed(logger, ex, batch.Count);
            return 0;
        }
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

        [LoggerMessage(EventId = 1405, Level = LogLevel.Error, Message = "Writing a batch of {Count} digests failed; the next tick plans them again")]
        public static partial void BatchFailed(ILogger logger, Exception exception, int count);
    }
}
