using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Ports;

public interface IDigestLog
{
    /// <summary>Records a digest; false when that subscription already has one for that date.</summary>
    Task<bool> TryAddAsync(DigestRecord record, CancellationToken cancellationToken);
    /// <summary>Records digests in one commit; a subscription's date that already has one is skipped.</summary>
    Task TryAddManyAsync(IReadOnlyList<DigestRecord> records, CancellationToken cancellationToken);
    /// <summary>The newest record of a subscription (by local date), or null.</summary>
    Task<DigestRecord?> GetLastAsync(string subscriptionId, CancellationToken cancellationToken);
}
