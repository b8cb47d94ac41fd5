using Microsoft.Extensions.Logging;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Dispatch;
using ReleaseBot.Core.Health;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Vendors;

namespace ReleaseBot.Core.Planning;

/// <summary>
/// Turns events into outbox rows: one <see cref="Delivery"/> per subscription whose filters accept the event. Keys are
/// natural (<see cref="Delivery.KeyFor"/>), so planning an event twice plans nothing new. Wakes the dispatch loops of
/// the platforms that got work.
/// <para>
/// An event for every subscription opens a <see cref="FanOut"/>: <see cref="PublishAsync"/> writes its first
/// <see cref="FirstBatch"/> + <see cref="Batch"/> rows and returns, and <see cref="AdvanceOpenAsync"/> writes the rest a
/// batch at a time while dispatch has fewer than <see cref="LowWater"/> rows due, so a fan-out to 10,000 chats is
/// never 10,000 rows written at once, and the outbox stays small however many events come in a wave.
/// </para>
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

    /// <summary>
    /// Open fan-outs go on while every platform with a sender has fewer rows than this due: 33 s of Telegram's 30
    /// messages per second, written in ~50 ms.
    /// </summary>
    public const int LowWater = 2 * Batch;

    // One fan-out advances at a time: a publish and the background advance never write the same positions twice.
    private readonly SemaphoreSlim _advancing = new(1, 1);

    public async Task<int> PublishAsync(BotEvent botEvent, CancellationToken cancellationToken)
    {
        if (botEvent.Kind == EventKind.WatchHit)
        {
            return await PlanWatchHitAsync(botEvent, cancellationToken);
        }

        await outbox.OpenFanOutAsync(botEvent, time.GetUtcNow(), cancellationToken);
        var planned = await AdvanceAsync(botEvent.Id, Batch, cancellationToken);
        Log.Planned(logger, botEvent.Id, planned);
        return planned;
    }

    /// <summary>
    /// Writes the next batches of the open fan-outs, oldest first, while every one of <paramref name="platforms"/> has
    /// fewer than <see cref="LowWater"/> rows due (all of them at once when no platform is given); a restart resumes
    /// the fan-outs it finds open.
    /// </summary>
    public async Task AdvanceOpenAsync(IReadOnlyCollection<Platform> platforms, CancellationToken cancellationToken)
    {
        while (true)
        {
            var open = await outbox.GetOpenFanOutsAsync(cancellationToken);
            ReleaseBotMetrics.FanOutsOpen.Record(open.Count);
            if (open.Count == 0 || !await DispatchIsShortAsync(platforms, cancellationToken))
            {
                return;
            }

            await AdvanceAsync(open[0].Event.Id, Batch, cancellationToken);
        }
    }

    private async Task<bool> DispatchIsShortAsync(IReadOnlyCollection<Platform> platforms, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var platform in platforms)
        {
            if (await outbox.CountDueAsync(platform, now, cancellationToken) >= LowWater)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Reads the event's open fan-out's subscriptions after the position it reached and writes a commit per batch, each
    /// with the position it reached, until about <paramref name="rows"/> rows are written (then it stays open) or
    /// every subscription was read (then it closes). It never passes an older open fan-out: in every chat an event's
    /// row is written before a later event's. Returns how many rows were new (0 when the fan-out is closed).
    /// </summary>
    private async Task<int> AdvanceAsync(string eventId, int rows, CancellationToken cancellationToken)
    {
        await _advancing.WaitAsync(cancellationToken);
        try
        {
            var open = await outbox.GetOpenFanOutsAsync(cancellationToken);
            var index = open.ToList().FindIndex(f => f.Event.Id == eventId);
            if (index < 0)
            {
                return 0;
            }

            var fanOut = open[index];
            var limit = LimitOf(open.Take(index));
            var release = await ReleaseForAsync(fanOut.Event, cancellationToken);
            var (planned, written) = (0, 0);
            var batch = new List<Delivery>(FirstBatch);
            string? reached = null;
            await foreach (var subscription in subscriptions.ReadSubscriptionsAsync(activeOnly: true, fanOut.After, cancellationToken))
            {
                if (limit is not null && string.CompareOrdinal(subscription.Position, limit) > 0)
                {
                    return planned + (reached is null ? 0 : await CommitAsync(fanOut, batch, reached, cancellationToken));
                }

                reached = subscription.Position;
                var decision = SubscriptionFilterEvaluator.Evaluate(subscription, fanOut.Event, release);
                if (!decision.Accepted)
                {
                    Log.NotPlanned(logger, fanOut.Event.Id, subscription.Id, decision);
                    continue;
                }

                batch.Add(RowFor(fanOut.Event, subscription, fanOut.OpenedAt));
                if (batch.Count >= (fanOut.After is null && written == 0 ? FirstBatch : Batch))
                {
                    written += batch.Count;
                    planned += await CommitAsync(fanOut, batch, reached, cancellationToken);
                    batch = new List<Delivery>(Batch);
                    if (written >= rows)
                    {
                        return planned;
                    }
                }
            }

            return planned + await CommitAsync(fanOut, batch, after: null, cancellationToken);
        }
        finally
        {
            _advancing.Release();
        }
    }

    /// <summary>The least position the older open fan-outs reached (empty when one has not started); null when none is open.</summary>
    private static string? LimitOf(IEnumerable<FanOut> older) =>
        older.Select(f => f.After ?? string.Empty).Order(StringComparer.Ordinal).FirstOrDefault();

    private async Task<int> PlanWatchHitAsync(BotEvent botEvent, CancellationToken cancellationToken)
    {
        if (botEvent.WatchSubscriptionId is null
            || await subscriptions.GetSubscriptionAsync(botEvent.WatchSubscriptionId, cancellationToken) is not { } owner)
        {
            return 0;
        }

        var release = await ReleaseForAsync(botEvent, cancellationToken);
        var decision = SubscriptionFilterEvaluator.Evaluate(owner, botEvent, release);
        if (!decision.Accepted)
        {
            Log.NotPlanned(logger, botEvent.Id, owner.Id, decision);
            return 0;
        }

        var added = await outbox.TryAddManyAsync([RowFor(botEvent, owner, time.GetUtcNow())], cancellationToken);
        Notify(added);
        return added.Count;
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

    /// <summary>
    /// Commits the batch and the fan-out's position in one transaction (closing it when <paramref name="after"/> is
    /// null), then wakes the platforms that got rows; returns how many were new.
    /// </summary>
    private async Task<int> CommitAsync(FanOut fanOut, IReadOnlyList<Delivery> batch, string? after, CancellationToken cancellationToken)
    {
        var added = await outbox.AdvanceFanOutAsync(fanOut.Event.Id, batch, after, cancellationToken);
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
