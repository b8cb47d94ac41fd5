using ReleaseBot.Core.Ingest;

namespace ReleaseBot.Core.Ports;

/// <summary>Hub notices acknowledged and not yet ingested (see <see cref="RepoNotice"/>).</summary>
public interface IRepoInbox
{
    /// <summary>Keeps the notice, replacing a waiting one with the same id; returns once it is committed.</summary>
    Task AddAsync(RepoNotice notice, CancellationToken cancellationToken);

    /// <summary>The oldest waiting notices first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<RepoNotice>> GetAsync(int max, CancellationToken cancellationToken);

    Task RemoveAsync(string id, CancellationToken cancellationToken);
}
