using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Ports;

public interface IRankStore
{
    /// <summary>Adds a snapshot; false when its id exists.</summary>
    Task<bool> TryAddSnapshotAsync(RankSnapshot snapshot, CancellationToken cancellationToken);
    /// <summary>The newest snapshot, or null.</summary>
    Task<RankSnapshot?> GetLatestSnapshotAsync(CancellationToken cancellationToken);
    /// <summary>The newest snapshot taken strictly before <paramref name="before"/>.</summary>
    Task<RankSnapshot?> GetSnapshotBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
