using LiteDB;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.LiteDb.Documents;

namespace ReleaseBot.LiteDb;

public sealed class LiteDbRankStore(StoreDatabase store) : IRankStore
{
    private readonly ILiteCollection<BsonDocument> _snapshots = store.Collection(Collections.RankSnapshots);

    public Task<bool> TryAddSnapshotAsync(RankSnapshot snapshot, CancellationToken cancellationToken) =>
        Task.FromResult(_snapshots.TryInsert(RankSnapshotDocument.ToDocument(snapshot)));

    public Task<RankSnapshot?> GetLatestSnapshotAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Newest(_snapshots.Query()));

    public Task<RankSnapshot?> GetSnapshotBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        Task.FromResult(Newest(_snapshots.Query().Where(StoreQuery.Lt(RankSnapshotDocument.TakenTicks, before.UtcTicks))));

    private static RankSnapshot? Newest(ILiteQueryable<BsonDocument> query)
    {
        var doc = query.OrderByDescending(RankSnapshotDocument.TakenTicks).Limit(1).FirstOrDefault();
        return doc is null ? null : RankSnapshotDocument.FromDocument(doc);
    }
}
