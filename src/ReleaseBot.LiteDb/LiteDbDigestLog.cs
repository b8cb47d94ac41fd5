using LiteDB;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.LiteDb.Documents;

namespace ReleaseBot.LiteDb;

public sealed class LiteDbDigestLog(StoreDatabase store) : IDigestLog
{
    private readonly ILiteCollection<BsonDocument> _records = store.Collection(Collections.DigestLog);

    public Task<bool> TryAddAsync(DigestRecord record, CancellationToken cancellationToken) =>
        Task.FromResult(_records.TryInsert(DigestRecordDocument.ToDocument(record)));

    public Task<DigestRecord?> GetLastAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        // LocalDate is stored as yyyy-MM-dd, so string order is date order.
        var doc = _records.Query()
            .Where(StoreQuery.Eq("SubscriptionId", subscriptionId))
            .OrderByDescending("LocalDate")
            .Limit(1)
            .FirstOrDefault();
        return Task.FromResult(doc is null ? null : DigestRecordDocument.FromDocument(doc));
    }
}
