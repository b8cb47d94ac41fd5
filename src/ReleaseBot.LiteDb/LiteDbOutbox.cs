using LiteDB;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.LiteDb.Documents;

namespace ReleaseBot.LiteDb;

public sealed class LiteDbOutbox(StoreDatabase store) : IOutbox
{
    private readonly ILiteCollection<BsonDocument> _deliveries = store.Collection(Collections.Deliveries);

    public Task<bool> TryAddAsync(Delivery delivery, CancellationToken cancellationToken) =>
        Task.FromResult(_deliveries.TryInsert(DeliveryDocument.ToDocument(delivery)));

    public Task<Delivery?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var doc = _deliveries.FindById(id);
        return Task.FromResult(doc is null ? null : DeliveryDocument.FromDocument(doc));
    }

    public Task<IReadOnlyList<Delivery>> GetDueAsync(Platform platform, DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        if (max <= 0)
        {
            return Task.FromResult<IReadOnlyList<Delivery>>([]);
        }
        // A range scan of the due-key index: pending rows of the platform, NextAttemptAt ≤ now, in order.
        var due = Query.Between(
            DeliveryDocument.DueKey,
            DeliveryDocument.PlatformPrefix(platform),
            DeliveryDocument.DueKeyUpperBound(platform, now));
        IReadOnlyList<Delivery> result = [.. _deliveries.Query()
            .Where(due)
            .OrderBy(DeliveryDocument.DueKey)
            .Limit(max)
            .ToEnumerable()
            .Select(DeliveryDocument.FromDocument)];
        return Task.FromResult(result);
    }

    public Task<DateTimeOffset?> GetNextDueAtAsync(Platform platform, CancellationToken cancellationToken)
    {
        var pending = Query.Between(
            DeliveryDocument.DueKey,
            DeliveryDocument.PlatformPrefix(platform),
            DeliveryDocument.PlatformEnd(platform));
        var doc = _deliveries.Query().Where(pending).OrderBy(DeliveryDocument.DueKey).Limit(1).FirstOrDefault();
        return Task.FromResult(doc is null ? null : (DateTimeOffset?)DeliveryDocument.FromDocument(doc).NextAttemptAt);
    }

    /// <summary>Replaces the row by id (inserting it if it is somehow gone, rather than losing the state).</summary>
    public Task UpdateAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        _deliveries.Upsert(DeliveryDocument.ToDocument(delivery));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Delivery>> GetBySubscriptionAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        IReadOnlyList<Delivery> result = [.. _deliveries.Find(Query.EQ("SubscriptionId", subscriptionId))
            .Select(DeliveryDocument.FromDocument)
            .OrderBy(d => d.CreatedAt)
            .ThenBy(d => d.Id, StringComparer.Ordinal)];
        return Task.FromResult(result);
    }

    /// <summary>Every state is present, zero when no row has it.</summary>
    public Task<IReadOnlyDictionary<DeliveryState, int>> CountByStateAsync(CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<DeliveryState, int> counts = Enum.GetValues<DeliveryState>()
            .ToDictionary(s => s, s => _deliveries.Count(Query.EQ("State", s.ToString())));
        return Task.FromResult(counts);
    }
}
