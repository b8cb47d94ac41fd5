using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Dispatch;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Vendors;

namespace ReleaseBot.Core.Planning;

/// <summary>
/// Turns events into outbox rows: one <see cref="Delivery"/> per subscription whose filters
/// accept the event. Keys are natural (<see cref="Delivery.KeyFor"/>), so planning an
/// event twice plans nothing new. Wakes the dispatch loops of the platforms that got work.
/// </summary>
public sealed partial class DeliveryPlanner(
    ISubscriptionStore subscriptions,
    IReleaseStore releases,
    IVendorStore vendors,
    IOutbox outbox,
    DispatchSignal signal,
    TimeProvider time,
    ILogger<DeliveryPlanner> logger) : IEventSink
{
    /// <summary>
    /// Rows per commit. The first batch is small, so dispatch starts on it while the rest of a fan-out to
    /// thousands of chats is being planned; later ones are big, since each commit has a fixed cost.
    /// </summary>
    public const int FirstBatch = 50;
    public const int Batch = 500;

    public async Task<int> PublishAsync(BotEvent botEvent, CancellationToken cancellationToken)
    {
        var release = await ReleaseForAsync(botEvent, cancellationToken);
        var now = time.GetUtcNow();

        var planned = 0;
        var batch = new List<Delivery>(FirstBatch);
        await foreach (var subscription in CandidatesAsync(botEvent, cancellationToken))
        {
            var decision = SubscriptionFilterEvaluator.Evaluate(subscription, botEvent, release);
            if (!decision.Accepted)
            {
                Log.NotPlanned(logger, botEvent.Id, subscription.Id, decision);
                continue;
            }

            batch.Add(RowFor(botEvent, subscription, now));
            if (batch.Count >= (planned == 0 ? FirstBatch : Batch))
            {
                planned += await CommitAsync(batch, cancellationToken);
                batch = new List<Delivery>(Batch);
            }
        }

        planned += await CommitAsync(batch, cancellationToken);
        Log.Planned(logger, botEvent.Id, planned);
        return planned;
    }

    /// <summary>Plans an event for one subscription without filters (digests); false when it was planned before.</summary>
    public async Task<bool> PlanForAsync(BotEvent botEvent, Subscription subscription, CancellationToken cancellationToken) =>
        (await PlanForManyAsync([(botEvent, subscription)], cancellationToken)).Count == 1;

    /// <summary>
    /// Plans events, each for its one subscription, without filters (a digest run), a commit per <see cref="Batch"/>;
    /// returns the keys of the rows that were new (the others were planned before).
    /// </summary>
    public async Task<IReadOnlySet<string>> PlanForManyAsync(
        IReadOnlyList<(BotEvent Event, Subscription Subscription)> items, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var added = new HashSet<string>(StringComparer.Ordinal);
        foreach (var batch in items.Chunk(Batch))
        {
            var rows = await outbox.TryAddManyAsync([.. batch.Select(i => RowFor(i.Event, i.Subscription, now))], cancellationToken);
            Notify(rows);
            added.UnionWith(rows.Select(r => r.Id));
        }

        return added;
    }

    /// <summary>
    /// The event's release. A trending repo the store does not hold (vendor repos are the vendor poll's to
    /// store) is judged by its owner, so a vendor-filtered chat still gets that vendor's rank alerts.
    /// </summary>
    private async Task<Release?> ReleaseForAsync(BotEvent botEvent, CancellationToken cancellationToken)
    {
        var release = botEvent.ReleaseId is null ? null : await releases.GetReleaseAsync(botEvent.ReleaseId, cancellationToken);
        if (release is not null || botEvent.RankMove is not { } move)
        {
            return release;
        }

        var vendor = VendorMatcher.ByOwner(await vendors.GetVendorsAsync(cancellationToken), move.RepoId);
        return new Release
        {
            Id = move.RepoId.ReleaseId,
            RepoId = move.RepoId,
            VendorId = vendor?.Id,
            Title = move.RepoId.Name,
            DetectedAt = move.At,
        };
    }

    /// <summary>Every active subscription a page at a time (the first batch commits after the first page), or a watch's owner.</summary>
    private async IAsyncEnumerable<Subscription> CandidatesAsync(
        BotEvent botEvent, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (botEvent.Kind != EventKind.WatchHit)
        {
            await foreach (var subscription in subscriptions.ReadSubscriptionsAsync(activeOnly: true, cancellationToken))
            {
                yield return subscription;
            }

            yield break;
        }

        if (botEvent.WatchSubscriptionId is not null
            && await subscriptions.GetSubscriptionAsync(botEvent.WatchSubscriptionId, cancellationToken) is { } owner)
        {
            yield return owner;
        }
    }

    /// <summary>Commits the batch in one transaction, then wakes the platforms that got rows; returns how many were new.</summary>
    private async Task<int> CommitAsync(IReadOnlyList<Delivery> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        var added = await outbox.TryAddManyAsync(batch, cancellationToken);
        Notify(added);
        return added.Count;
    }

    // A notify is a cheap no-op while one is pending, but once per platform per batch is enough.
    private void Notify(IReadOnlyList<Delivery> added)
    {
        foreach (var platform in added.Select(d => d.Platform).Distinct())
        {
            signal.Notify(platform);
        }
    }

    private static Delivery RowFor(BotEvent botEvent, Subscription subscription, DateTimeOffset now) => new()
    {
        Id = Delivery.KeyFor(subscription.Id, botEvent.Id),
        SubscriptionId = subscription.Id,
        Platform = subscription.Chat.Platform,
        Event = botEvent,
        State = DeliveryState.Pending,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 1201, Level = LogLevel.Debug, Message = "Event {EventId} planned {Count} new deliveries")]
        public static partial void Planned(ILogger logger, string eventId, int count);

        [LoggerMessage(EventId = 1202, Level = LogLevel.Trace, Message = "Event {EventId} not for subscription {SubscriptionId}: failed {Decision}")]
        public static partial void NotPlanned(ILogger logger, string eventId, string subscriptionId, FilterDecision decision);
    }
}
