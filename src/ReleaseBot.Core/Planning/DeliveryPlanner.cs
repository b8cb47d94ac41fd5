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
    public async Task<int> PublishAsync(BotEvent botEvent, CancellationToken cancellationToken)
    {
        var release = await ReleaseForAsync(botEvent, cancellationToken);
        var candidates = await CandidatesAsync(botEvent, cancellationToken);

        var planned = 0;
        foreach (var subscription in candidates)
        {
            var decision = SubscriptionFilterEvaluator.Evaluate(subscription, botEvent, release);
            if (!decision.Accepted)
            {
                Log.NotPlanned(logger, botEvent.Id, subscription.Id, decision);
                continue;
            }

            if (await TryAddAsync(botEvent, subscription, cancellationToken))
            {
                planned++;
                // Each row is committed as it is added, so dispatch may start on it while the
                // fan-out to thousands of chats is still being planned (a notify is a cheap no-op when pending).
                signal.Notify(subscription.Chat.Platform);
            }
        }

        Log.Planned(logger, botEvent.Id, planned);
        return planned;
    }

    /// <summary>Plans an event for one subscription without filters (digests); false when it was planned before.</summary>
    public async Task<bool> PlanForAsync(BotEvent botEvent, Subscription subscription, CancellationToken cancellationToken)
    {
        var added = await TryAddAsync(botEvent, subscription, cancellationToken);
        if (added)
        {
            signal.Notify(subscription.Chat.Platform);
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

    private async Task<IReadOnlyList<Subscription>> CandidatesAsync(BotEvent botEvent, CancellationToken cancellationToken)
    {
        if (botEvent.Kind != EventKind.WatchHit)
        {
            return await subscriptions.GetSubscriptionsAsync(activeOnly: true, cancellationToken);
        }

        var owner = botEvent.WatchSubscriptionId is null
            ? null
            : await subscriptions.GetSubscriptionAsync(botEvent.WatchSubscriptionId, cancellationToken);
        return owner is null ? [] : [owner];
    }

    private Task<bool> TryAddAsync(BotEvent botEvent, Subscription subscription, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return outbox.TryAddAsync(new Delivery
        {
            Id = Delivery.KeyFor(subscription.Id, botEvent.Id),
            SubscriptionId = subscription.Id,
            Platform = subscription.Chat.Platform,
            Event = botEvent,
            State = DeliveryState.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        }, cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1201, Level = LogLevel.Debug, Message = "Event {EventId} planned {Count} new deliveries")]
        public static partial void Planned(ILogger logger, string eventId, int count);

        [LoggerMessage(EventId = 1202, Level = LogLevel.Trace, Message = "Event {EventId} not for subscription {SubscriptionId}: failed {Decision}")]
        public static partial void NotPlanned(ILogger logger, string eventId, string subscriptionId, FilterDecision decision);
    }
}
