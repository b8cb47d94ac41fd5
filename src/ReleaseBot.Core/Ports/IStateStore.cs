namespace ReleaseBot.Core.Ports;

/// <summary>Small named values kept across restarts (update offsets, file hashes, poll cursors).</summary>
public interface IStateStore
{
    Task<string?> GetStateAsync(string key, CancellationToken cancellationToken);
    Task SetStateAsync(string key, string value, CancellationToken cancellationToken);
}
