using LiteDB;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.LiteDb.Documents;

namespace ReleaseBot.LiteDb;

public sealed class LiteDbReleaseStore(StoreDatabase store) : IReleaseStore
{
    private readonly ILiteCollection<BsonDocument> _releases = store.Collection(Collections.Releases);
    private readonly ILiteCollection<BsonDocument> _toAnnounce = store.Collection(Collections.ToAnnounce);

    // A batch checks its keys before inserting (a failed insert would roll back its whole transaction), so no other
    // write of a release may come between a batch's check and its insert.
    private readonly Lock _writes = new();

    public Task<Release?> GetReleaseAsync(string releaseId, CancellationToken cancellationToken)
    {
        var doc = _releases.FindById(releaseId);
        return Task.FromResult(doc is null ? null : ReleaseDocument.FromDocument(doc));
    }

    public Task<Release?> FindByRepoIdAsync(RepoId repoId, CancellationToken cancellationToken)
    {
        var key = ReleaseDocument.Key(repoId);
        // The current id wins over a release that merely had this id before a rename.
        var doc = _releases.FindOne(StoreQuery.Eq(ReleaseDocument.RepoKey, key))
            ?? _releases.Find(StoreQuery.AnyEq(ReleaseDocument.FormerKeys, key)).OrderBy(d => d["_id"].AsString, StringComparer.Ordinal).FirstOrDefault();
        return Task.FromResult(doc is null ? null : ReleaseDocument.FromDocument(doc));
    }

    public Task<bool> TryAddReleaseAsync(Release release, CancellationToken cancellationToken)
    {
        lock (_writes)
        {
            return Task.FromResult(_releases.TryInsert(ReleaseDocument.ToDocument(release)));
        }
    }

    /// <summary>
    /// One transaction per <see cref="StoreTransactions.BatchSize"/> rows; a release whose id or repo key is already
    /// stored (or repeated in the batch) is skipped, not failed, as by <see cref="TryAddReleaseAsync"/>.
    /// </summary>
    public Task<IReadOnlyList<Release>> TryAddReleasesAsync(IReadOnlyList<Release> releases, CancellationToken cancellationToken) =>
        Task.FromResult(TryAdd(releases, queue: false));

    public Task<IReadOnlyList<Release>> TryAddToAnnounceAsync(IReadOnlyList<Release> releases, CancellationToken cancellationToken) =>
        Task.FromResult(TryAdd(releases, queue: true));

    public Task UpsertToAnnounceAsync(Release release, CancellationToken cancellationToken)
    {
        lock (_writes)
        {
            store.InTransaction(() =>
            {
                _releases.Upsert(ReleaseDocument.ToDocument(release));
                Queue([release]);
                return true;
            });
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Release>> GetToAnnounceAsync(CancellationToken cancellationToken)
    {
        var queued = _toAnnounce.FindAll()
            .Select(d => _releases.FindById(d["_id"]))
            .Where(d => d is not null)
            .Select(ReleaseDocument.FromDocument)
            .OrderBy(r => r.DetectedAt)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult<IReadOnlyList<Release>>(queued);
    }

    public Task MarkAnnouncedAsync(string releaseId, CancellationToken cancellationToken)
    {
        _toAnnounce.Delete(releaseId);
        return Task.CompletedTask;
    }

    private IReadOnlyList<Release> TryAdd(IReadOnlyList<Release> releases, bool queue)
    {
        var added = new List<Release>(releases.Count);
        foreach (var batch in releases.Chunk(StoreTransactions.BatchSize))
        {
            lock (_writes)
            {
                added.AddRange(store.InTransaction(() =>
                {
                    var fresh = AddNew(batch);
                    if (queue)
                    {
                        Queue(fresh);
                    }

                    return fresh;
                }));
            }
        }

        return added;
    }

    private void Queue(IEnumerable<Release> releases) =>
        _toAnnounce.Upsert(releases.Select(r => new BsonDocument { ["_id"] = r.Id }));

    public Task AddNewReleasesAsync(IReadOnlyList<Release> releases, CancellationToken cancellationToken)
    {
        foreach (var batch in releases.Chunk(StoreTransactions.BatchSize))
        {
            lock (_writes)
            {
                store.InTransaction(() => _releases.InsertUnique([.. batch.Select(ReleaseDocument.ToDocument)], "release of that repo id"));
            }
        }

        return Task.CompletedTask;
    }

    private List<Release> AddNew(Release[] batch)
    {
        // Two queries for the batch's ids and repo keys (the engine seeks each in its index) instead of a lookup per
        // release: the query pipeline's fixed cost was a third of a seed import's insert time. Ids ("hf:…") and repo
        // keys ("owner/name") cannot collide, so one set holds both.
        var taken = Stored("_id", batch.Select(r => r.Id))
            .Concat(Stored(ReleaseDocument.RepoKey, batch.Select(r => ReleaseDocument.Key(r.RepoId))))
            .ToHashSet(StringComparer.Ordinal);
        var fresh = batch.Where(r => taken.Add(r.Id) & taken.Add(ReleaseDocument.Key(r.RepoId))).ToList();
        _releases.InsertUnique([.. fresh.Select(ReleaseDocument.ToDocument)], "release of that repo id");
        return fresh;
    }

    private IEnumerable<string> Stored(string field, IEnumerable<string> values) =>
        _releases.Query()
            .Where(StoreQuery.In(field, new BsonArray(values.Select(v => new BsonValue(v)))))
            .Select(BsonExpression.Create($"{{ k: $.{field} }}"))
            .ToEnumerable()
            .Select(d => d["k"].AsString);

    public Task UpsertReleasesAsync(IReadOnlyList<Release> releases, CancellationToken cancellationToken)
    {
        foreach (var batch in releases.Chunk(StoreTransactions.BatchSize))
        {
            lock (_writes)
            {
                store.InTransaction(() =>
                {
                    foreach (var release in batch)
                    {
                        _releases.UpsertUnique(ReleaseDocument.ToDocument(release), "release of that repo id");
                    }

                    return batch.Length;
                });
            }
        }

        return Task.CompletedTask;
    }

    public Task UpsertReleaseAsync(Release release, CancellationToken cancellationToken)
    {
        lock (_writes)
        {
            _releases.UpsertUnique(ReleaseDocument.ToDocument(release), "release of that repo id");
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Release>> GetLatestAsync(string? vendorId, int count, bool officialOnly, CancellationToken cancellationToken)
    {
        if (count <= 0)
        {
            return Task.FromResult<IReadOnlyList<Release>>([]);
        }
        // Both paths walk an index already in /latest order and stop after `count` matches.
        var (query, order) = vendorId is null
            ? (_releases.Query(), ReleaseDocument.SortKey)
            : (_releases.Query().Where(StoreQuery.Between(ReleaseDocument.VendorSortExpression,
                ReleaseDocument.VendorPrefix(vendorId), ReleaseDocument.VendorEnd(vendorId))), ReleaseDocument.VendorSortExpression);
        if (officialOnly)
        {
            query = query.Where(StoreQuery.Eq(ReleaseFields.Official, true));
        }
        IReadOnlyList<Release> result = [.. query
            .OrderBy(order)
            .Limit(count)
            .ToEnumerable()
            .Select(ReleaseDocument.FromDocument)];
        return Task.FromResult(result);
    }

    public Task<IReadOnlyList<Release>> GetDetectedBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        // BETWEEN includes both ends; the window is (from, to].
        var range = StoreQuery.Between(ReleaseDocument.DetectedTicks, from.UtcTicks + 1, to.UtcTicks);
        IReadOnlyList<Release> result = [.. _releases.Find(range)
            .OrderBy(d => d[ReleaseDocument.DetectedTicks].AsInt64)
            .ThenBy(d => d[ReleaseDocument.RepoKey].AsString, StringComparer.OrdinalIgnoreCase)
            .Select(ReleaseDocument.FromDocument)];
        return Task.FromResult(result);
    }

    public Task<IReadOnlySet<RepoId>> GetRepoIdsByOwnerAsync(string owner, CancellationToken cancellationToken)
    {
        // Current ids by a prefix range of the repo key; former ids (rare) through their multi-key index.
        var (from, to) = ReleaseDocument.OwnerRange(owner);
        var docs = _releases.Find(StoreQuery.Between(ReleaseDocument.RepoKey, from, to))
            .Concat(_releases.Find(StoreQuery.AnyStartsWith(ReleaseDocument.FormerKeys, from)));
        var ids = new HashSet<RepoId>();
        foreach (var doc in docs)
        {
            var release = ReleaseDocument.FromDocument(doc);
            ids.UnionWith(release.FormerRepoIds.Prepend(release.RepoId).Where(id => id.HasOwner(owner)));
        }
        return Task.FromResult<IReadOnlySet<RepoId>>(ids);
    }

    public Task<IReadOnlyList<Release>> GetUnenrichedAsync(int max, CancellationToken cancellationToken)
    {
        IReadOnlyList<Release> result = [.. _releases.Query()
            .Where(StoreQuery.Eq(ReleaseFields.Enriched, false))
            .OrderBy(ReleaseDocument.DetectedTicks)
            .Limit(Math.Max(0, max))
            .ToEnumerable()
            .Select(ReleaseDocument.FromDocument)];
        return Task.FromResult(result);
    }

    public Task<int> CountReleasesAsync(CancellationToken cancellationToken) => Task.FromResult(_releases.Count());
}
