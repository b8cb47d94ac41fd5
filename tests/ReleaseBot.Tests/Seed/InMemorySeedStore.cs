using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;

namespace ReleaseBot.Tests.Seed;

/// <summary>A hand-written in-memory store for the four ports the seed importer uses; counts writes.</summary>
internal sealed class InMemorySeedStore : IVendorStore, IReleaseStore, IRankStore, IStateStore
{
    private readonly Dictionary<string, Vendor> _vendors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Release> _releases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RankSnapshot> _snapshots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _state = new(StringComparer.Ordinal);

    public int Writes { get; private set; }

    public IReadOnlyCollection<Release> Releases => _releases.Values;

    public Task<IReadOnlyList<Vendor>> GetVendorsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Vendor>>([.. _vendors.Values]);

    public Task UpsertVendorsAsync(IEnumerable<Vendor> vendors, CancellationToken cancellationToken)
    {
        foreach (var vendor in vendors)
        {
            _vendors[vendor.Id] = vendor;
            Writes++;
        }

        return Task.CompletedTask;
    }

    public Task<Release?> GetReleaseAsync(string releaseId, CancellationToken cancellationToken) =>
        Task.FromResult(_releases.GetValueOrDefault(releaseId));

    public Task<Release?> FindByRepoIdAsync(RepoId repoId, CancellationToken cancellationToken) =>
        Task.FromResult(_releases.Values.FirstOrDefault(r => r.RepoId.Equals(repoId) || r.FormerRepoIds.Contains(repoId)));

    public Task<bool> TryAddReleaseAsync(Release release, CancellationToken cancellationToken)
    {
        var added = _releases.TryAdd(release.Id, release);
        Writes += added ? 1 : 0;
        return Task.FromResult(added);
    }

    // The seed import never announces.
    public Task<IReadOnlyList<Release>> TryAddToAnnounceAsync(IReadOnlyList<Release> releases, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task UpsertToAnnounceAsync(Release release, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<Release>> GetToAnnounceAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Release>>([]);
    public Task MarkAnnouncedAsync(string releaseId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public async Task<IReadOnlyList<Release>> TryAddReleasesAsync(IReadOnlyList<Release> releases, CancellationToken cancellationToken)
    {
        var added = new List<Release>();
        foreach (var release in releases)
        {
            if (await TryAddReleaseAsync(release, cancellationToken))
            {
                added.Add(release);
            }
        }

        return added;
    }

    public async Task AddNewReleasesAsync(IReadOnlyList<Release> releases, CancellationToken cancellationToken)
    {
        foreach (var release in releases)
        {
            if (!await TryAddReleaseAsync(release, cancellationToken))
            {
                throw new InvalidOperationException($"{release.Id} is already stored.");
            }
        }
    }

    public async Task UpsertReleasesAsync(IReadOnlyList<Release> releases, CancellationToken cancellationToken)
    {
        foreach (var release in releases)
        {
            await UpsertReleaseAsync(release, cancellationToken);
        }
    }

    public Task UpsertReleaseAsync(Release release, CancellationToken cancellationToken)
    {
        _releases[release.Id] = release;
        Writes++;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Release>> GetLatestAsync(string? vendorId, int count, bool officialOnly, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Release>>([.. _releases.Values
            .Where(r => (vendorId is null || r.VendorId == vendorId) && (!officialOnly || r.Official))
            .OrderByDescending(r => r.PublishedAt ?? r.CreatedAt ?? r.DetectedAt)
            .Take(count)]);

    public Task<IReadOnlyList<Release>> GetDetectedBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Release>>([.. _releases.Values.Where(r => r.DetectedAt > from && r.DetectedAt <= to)]);

    public Task<IReadOnlySet<RepoId>> GetRepoIdsByOwnerAsync(string owner, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<RepoId>>(_releases.Values
            .Where(r => r.RepoId.HasOwner(owner))
            .Select(r => r.RepoId)
            .ToHashSet());

    public Task<IReadOnlyList<Release>> GetUnenrichedAsync(int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Release>>([.. _releases.Values.Where(r => !r.Enriched).Take(max)]);

    public Task<int> CountReleasesAsync(CancellationToken cancellationToken) => Task.FromResult(_releases.Count);

    public Task<bool> TryAddSnapshotAsync(RankSnapshot snapshot, CancellationToken cancellationToken)
    {
        var added = _snapshots.TryAdd(snapshot.Id, snapshot);
        Writes += added ? 1 : 0;
        return Task.FromResult(added);
    }

    public Task<RankSnapshot?> GetLatestSnapshotAsync(CancellationToken cancellationToken) =>
        Task.FromResult(_snapshots.Values.MaxBy(s => s.TakenAt));

    public Task<RankSnapshot?> GetSnapshotBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        Task.FromResult(_snapshots.Values.Where(s => s.TakenAt < before).MaxBy(s => s.TakenAt));

    public Task<string?> GetStateAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(_state.GetValueOrDefault(key));

    public Task SetStateAsync(string key, string value, CancellationToken cancellationToken)
    {
        _state[key] = value;
        Writes++;
        return Task.CompletedTask;
    }
}
