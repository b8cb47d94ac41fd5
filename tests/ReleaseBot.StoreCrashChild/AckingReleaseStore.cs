using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;

namespace ReleaseBot.StoreCrashChild;

/// <summary>
/// The real release store; after each batch insert returns (committed) it prints "batch" and the batch's repo ids,
/// the parent's acknowledgements. A release skipped by <see cref="TryAddReleasesAsync"/> was already stored, so it counts too.
/// </summary>
public sealed class AckingReleaseStore(IReleaseStore inner) : IReleaseStore
{
    public async Task AddNewReleasesAsync(IReadOnlyList<Release> releases, CancellationToken cancellationToken)
    {
        await inner.AddNewReleasesAsync(releases, cancellationToken);
        Ack(releases);
    }

    public async Task<IReadOnlyList<Release>> TryAddReleasesAsync(IReadOnlyList<Release> releases, CancellationToken cancellationToken)
    {
        var added = await inner.TryAddReleasesAsync(releases, cancellationToken);
        Ack(releases);
        return added;
    }

    private static void Ack(IReadOnlyList<Release> releases)
    {
        if (releases.Count > 0)
        {
            Console.WriteLine($"batch {string.Join(' ', releases.Select(r => r.RepoId))}");
        }
    }

    public Task<Release?> GetReleaseAsync(string releaseId, CancellationToken cancellationToken) => inner.GetReleaseAsync(releaseId, cancellationToken);

    public Task<Release?> FindByRepoIdAsync(RepoId repoId, CancellationToken cancellationToken) => inner.FindByRepoIdAsync(repoId, cancellationToken);

    public Task<bool> TryAddReleaseAsync(Release release, CancellationToken cancellationToken) => inner.TryAddReleaseAsync(release, cancellationToken);

    public Task<IReadOnlyList<Release>> TryAddToAnnounceAsync(IReadOnlyList<Release> releases, CancellationToken cancellationToken) =>
        inner.TryAddToAnnounceAsync(releases, cancellationToken);

    public Task UpsertToAnnounceAsync(Release release, CancellationToken cancellationToken) => inner.UpsertToAnnounceAsync(release, cancellationToken);

    public Task<IReadOnlyList<Release>> GetToAnnounceAsync(CancellationToken cancellationToken) => inner.GetToAnnounceAsync(cancellationToken);

    public Task MarkAnnouncedAsync(string releaseId, CancellationToken cancellationToken) => inner.MarkAnnouncedAsync(releaseId, cancellationToken);

    public Task UpsertReleasesAsync(IReadOnlyList<Release> releases, CancellationToken cancellationToken) => inner.UpsertReleasesAsync(releases, cancellationToken);

    public Task UpsertReleaseAsync(Release release, CancellationToken cancellationToken) => inner.UpsertReleaseAsync(release, cancellationToken);

    public Task<IReadOnlyList<Release>> GetLatestAsync(string? vendorId, int count, bool officialOnly, CancellationToken cancellationToken) =>
        inner.GetLatestAsync(vendorId, count, officialOnly, cancellationToken);

    public Task<IReadOnlyList<Release>> GetDetectedBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        inner.GetDetectedBetweenAsync(from, to, cancellationToken);

    public Task<IReadOnlySet<RepoId>> GetRepoIdsByOwnerAsync(string owner, CancellationToken cancellationToken) =>
        inner.GetRepoIdsByOwnerAsync(owner, cancellationToken);

    public Task<IReadOnlyList<Release>> GetUnenrichedAsync(int max, CancellationToken cancellationToken) => inner.GetUnenrichedAsync(max, cancellationToken);

    public Task<int> CountReleasesAsync(CancellationToken cancellationToken) => inner.CountReleasesAsync(cancellationToken);
}
