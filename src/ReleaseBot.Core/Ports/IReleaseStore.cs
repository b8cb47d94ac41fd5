using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Ports;

public interface IReleaseStore
{
    Task<Release?> GetReleaseAsync(string releaseId, CancellationToken cancellationToken);
    /// <summary>Finds a release by its repo id or a former repo id, case-insensitively.</summary>
    Task<Release?> FindByRepoIdAsync(RepoId repoId, CancellationToken cancellationToken);
    /// <summary>Inserts when new; returns false (and changes nothing) when the id exists.</summary>
    Task<bool> TryAddReleaseAsync(Release release, CancellationToken cancellationToken);
    /// <summary>
    /// Inserts those whose id and repo id are new, a commit per batch of hundreds; returns those added, in order.
    /// </summary>
    Task<IReadOnlyList<Release>> TryAddReleasesAsync(IReadOnlyList<Release> releases, CancellationToken cancellationToken);
    /// <summary>
    /// As <see cref="TryAddReleasesAsync"/>, and each release added is put on the announcement queue in the same commit:
    /// a crash after the release is stored but before it is announced leaves it queued, not silently known.
    /// </summary>
    Task<IReadOnlyList<Release>> TryAddToAnnounceAsync(IReadOnlyList<Release> releases, CancellationToken cancellationToken);
    /// <summary>Inserts or replaces by id and puts the release on the announcement queue, in one commit.</summary>
    Task UpsertToAnnounceAsync(Release release, CancellationToken cancellationToken);
    /// <summary>The releases on the announcement queue, oldest detection first.</summary>
    Task<IReadOnlyList<Release>> GetToAnnounceAsync(CancellationToken cancellationToken);
    /// <summary>Takes a release off the announcement queue once its events are planned.</summary>
    Task MarkAnnouncedAsync(string releaseId, CancellationToken cancellationToken);
    /// <summary>
    /// Inserts releases known to be new (a first import into an empty store), a commit per batch of hundreds, without
    /// looking for them first; throws if one is not new.
    /// </summary>
    Task AddNewReleasesAsync(IReadOnlyList<Release> releases, CancellationToken cancellationToken);
    /// <summary>Inserts or replaces each by id, a commit per batch of hundreds.</summary>
    Task UpsertReleasesAsync(IReadOnlyList<Release> releases, CancellationToken cancellationToken);
    /// <summary>Inserts or replaces by id.</summary>
    Task UpsertReleaseAsync(Release release, CancellationToken cancellationToken);
    /// <summary>Newest first by <c>PublishedAt ?? CreatedAt ?? DetectedAt</c>; optionally one vendor.</summary>
    Task<IReadOnlyList<Release>> GetLatestAsync(string? vendorId, int count, bool officialOnly, CancellationToken cancellationToken);
    /// <summary>Releases first detected in (from, to].</summary>
    Task<IReadOnlyList<Release>> GetDetectedBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
    /// <summary>Every known repo id whose owner is <paramref name="owner"/> (the id set for diffs).</summary>
    Task<IReadOnlySet<RepoId>> GetRepoIdsByOwnerAsync(string owner, CancellationToken cancellationToken);
    Task<IReadOnlyList<Release>> GetUnenrichedAsync(int max, CancellationToken cancellationToken);
    Task<int> CountReleasesAsync(CancellationToken cancellationToken);
}
