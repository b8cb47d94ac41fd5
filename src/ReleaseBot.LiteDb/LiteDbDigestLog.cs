using LiteDB;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.LiteDb.Documents;

namespace ReleaseBot.LiteDb;

public sealed class LiteDbDigestLog(StoreDatabase store) : IDigestLog
{
    private readonly ILiteCollection<BsonDocument> _records = store.Collection(Collections.DigestLog);

    // A batch checks keys before inserting (a failed insert would roll back its whole transaction), so no other
    // write may come between a batch's check and its insert.
    private readonly Lock _writes = new();

    public Task<bool> TryAddAsync(DigestRecord record, CancellationToken cancellationToken)
    {
        lock (_writes)
        {
            return Task.FromResult(_records.TryInsert(DigestRecordDocument.ToDocument(record)));
        }
    }

    public Task TryAddManyAsync(IReadOnlyList<DigestRecord> records, CancellationToken cancellationToken)
    {
        foreach (var batch in records.Chunk(StoreTransactions.BatchSize))
        {
            lock (_writes)
            {
                store.InTransaction(() => batch.Count(Insert));
            }
        }

        return Task.CompletedTask;
    }

    private bool Insert(DigestRecord record)
    {
        var doc = DigestRecordDocument.ToDocument(record);
        if (_records.FindById(doc["_id"]) is not null || _records.Exists(StoreQuery.Eq(DigestRecordDocument.DayKey, doc[DigestRecordDocument.DayKey])))
        {
            return false;
        }

        _records.Insert(doc);
        return true;
    }

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
