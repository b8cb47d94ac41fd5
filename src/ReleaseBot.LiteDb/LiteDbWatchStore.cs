using LiteDB;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.LiteDb.Documents;

namespace ReleaseBot.LiteDb;

public sealed class LiteDbWatchStore(StoreDatabase store) : IWatchStore
{
    private readonly ILiteCollection<BsonDocument> _watches = store.Collection(Collections.Watches);

    public Task<bool> TryAddWatchAsync(WatchPattern watch, CancellationToken cancellationToken) =>
        Task.FromResult(_watches.TryInsert(WatchDocument.ToDocument(watch)));

    public Task<bool> RemoveWatchAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_watches.Delete(id));

    /// <summary>One chat's watches, or every watch when <paramref name="subscriptionId"/> is null; oldest first.</summary>
    public Task<IReadOnlyList<WatchPattern>> GetWatchesAsync(string? subscriptionId, CancellationToken cancellationToken)
    {
        var docs = subscriptionId is null ? _watches.FindAll() : _watches.Find(StoreQuery.Eq("SubscriptionId", subscriptionId));
        IReadOnlyList<WatchPattern> result = [.. docs
            .OrderBy(d => d["CreatedTicks"].AsInt64)
            .ThenBy(d => d["_id"].AsString, StringComparer.Ordinal)
            .Select(WatchDocument.FromDocument)];
        return Task.FromResult(result);
    }
}
