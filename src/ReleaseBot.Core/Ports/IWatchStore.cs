using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Ports;

public interface IWatchStore
{
    Task<bool> TryAddWatchAsync(WatchPattern watch, CancellationToken cancellationToken);
    Task<bool> RemoveWatchAsync(string id, CancellationToken cancellationToken);
    Task<IReadOnlyList<WatchPattern>> GetWatchesAsync(string? subscriptionId, CancellationToken cancellationToken);
}
