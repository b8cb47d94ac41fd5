using LiteDB;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.LiteDb.Documents;

namespace ReleaseBot.LiteDb;

public sealed class LiteDbReleaseStore(StoreDatabase store) : IReleaseStore
{
    private readonly ILiteCollection<BsonDocument> _releases = store.Collection(Collections.Releases);

    // A batch checks ids before inserting (a failed insert would roll back its whole transaction), so two batches
    // must not check at once inside their own transactions.
    private readonly Lock _batches = new();

    private static readonly BsonExpression IdOnly = BsonExpression.Create("{ _id: $._id }");

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

    public Task<bool> TryAddReleaseAsync(Release release, CancellationToken cancellationToken) =>
        Task.FromResult(_releases.TryInsert(ReleaseDocument.ToDocument(release)));

    /// <summary>One transaction; ids already stored (or repeated in the batch) are skipped, not failed.</summary>
    public Task<int> TryAddReleasesAsync(IReadOnlyList<Release> releases, CancellationToken cancellationToken) =>
        Task.FromResult(releases.Count == 0 ? 0 : AddNew(releases));

    private int AddNew(IReadOnlyList<Release> releases)
    {
        lock (_batches)
        {
            return store.InTransaction(() =>
            {
                // One query for the batch's ids (the engine seeks each in the _id index) instead of one FindById each:
                // the query pipeline's fixed cost was a third of a seed import's insert time.
                var ids = new BsonArray(releases.Select(r => new BsonValue(r.Id)));
                var stored = _releases.Query().Where(StoreQuery.In("_id", ids)).Select(IdOnly).ToEnumerable()
                    .Select(d => d["_id"].AsString).ToHashSet(StringComparer.Ordinal);
                var fresh = releases.Where(r => stored.Add(r.Id)).Select(ReleaseDocument.ToDocument).ToList();
                _releases.InsertUnique(fresh, "release of that repo id");
                return fresh.Count;
            });
        }
    }

    public Task UpsertReleasesAsync(IReadOnlyList<Release> releases, CancellationToken cancellationToken)
    {
        if (releases.Count > 0)
        {
            store.InTransaction(() =>
            {
                foreach (var release in releases)
                {
                    _releases.UpsertUnique(ReleaseDocument.ToDocument(release), "release of that repo id");
                }

                return releases.Count;
            });
        }

        return Task.CompletedTask;
    }

    public Task UpsertReleaseAsync(Release release, CancellationToken cancellationToken)
    {
        _releases.UpsertUnique(ReleaseDocument.ToDocument(release), "release of that repo id");
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
