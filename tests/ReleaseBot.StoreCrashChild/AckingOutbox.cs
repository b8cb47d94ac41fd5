using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;

namespace ReleaseBot.StoreCrashChild;

/// <summary>The real outbox; after each batch is committed it prints "batch" and the row ids, the parent's acknowledgements.</summary>
public sealed class AckingOutbox(IOutbox inner) : IOutbox
{
    public Task<bool> TryAddAsync(Delivery delivery, CancellationToken cancellationToken) => inner.TryAddAsync(delivery, cancellationToken);

    public async Task<IReadOnlyList<Delivery>> TryAddManyAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken)
    {
        var added = await inner.TryAddManyAsync(deliveries, cancellationToken);
        Console.WriteLine($"batch {string.Join(' ', deliveries.Select(d => d.SubscriptionId))}");
        return added;
    }

    public async Task<IReadOnlyList<Delivery>> AdvanceFanOutAsync(
        string eventId, IReadOnlyList<Delivery> deliveries, string? after, CancellationToken cancellationToken)
    {
        var added = await inner.AdvanceFanOutAsync(eventId, deliveries, after, cancellationToken);
        Console.WriteLine($"batch {string.Join(' ', deliveries.Select(d => d.SubscriptionId))}");
        return added;
    }

    public Task<FanOut> OpenFanOutAsync(BotEvent botEvent, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.OpenFanOutAsync(botEvent, now, cancellationToken);

    public Task<IReadOnlyList<FanOut>> GetOpenFanOutsAsync(CancellationToken cancellationToken) => inner.GetOpenFanOutsAsync(cancellationToken);

    public Task<int> CountDueAsync(Platform platform, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.CountDueAsync(platform, now, cancellationToken);

    public Task<Delivery?> GetAsync(string id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<Delivery>> GetDueAsync(Platform platform, DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        inner.GetDueAsync(platform, now, max, cancellationToken);

    public Task<DateTimeOffset?> GetNextDueAtAsync(Platform platform, CancellationToken cancellationToken) =>
        inner.GetNextDueAtAsync(platform, cancellationToken);

    public Task<int> CountPendingAsync(Platform platform, CancellationToken cancellationToken) =>
        inner.CountPendingAsync(platform, cancellationToken);

    public Task UpdateAsync(Delivery delivery, CancellationToken cancellationToken) => inner.UpdateAsync(delivery, cancellationToken);

    public Task<DateTimeOffset?> GetWaitBeforeAsync(string subscriptionId, Delivery first, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.GetWaitBeforeAsync(subscriptionId, first, now, cancellationToken);

    public Task<IReadOnlyList<Delivery>> GetBySubscriptionAsync(string subscriptionId, CancellationToken cancellationToken) =>
        inner.GetBySubscriptionAsync(subscriptionId, cancellationToken);

    public Task<IReadOnlyDictionary<DeliveryState, int>> CountByStateAsync(CancellationToken cancellationToken) =>
        inner.CountByStateAsync(cancellationToken);

    public Task<OutboxPruneResult> PruneAsync(DateTimeOffset finishedBefore, CancellationToken cancellationToken) =>
        inner.PruneAsync(finishedBefore, cancellationToken);
}
