using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Ports;

public interface IDigestLog
{
    /// <summary>Records a digest; false when that subscription already has one for that date.</summary>
    Task<bool> TryAddAsync(DigestRecord record, CancellationToken cancellationToken);
    /// <summary>The newest record of a subscription (by local date), or null.</summary>
    Task<DigestRecord?> GetLastAsync(string subscriptionId, CancellationToken cancellationToken);
}
