using System.Threading.RateLimiting;

namespace ReleaseBot.Core.Dispatch;

/// <summary>The leases of every limiter that granted one message; acquired when all are.</summary>
public sealed class CombinedRateLimitLease(IReadOnlyList<RateLimitLease> leases) : RateLimitLease
{
    public override bool IsAcquired => leases.All(l => l.IsAcquired);

    public override IEnumerable<string> MetadataNames => leases.SelectMany(l => l.MetadataNames).Distinct(StringComparer.Ordinal);

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        foreach (var lease in leases)
        {
            if (lease.TryGetMetadata(metadataName, out metadata))
            {
                return true;
            }
        }

        metadata = null;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var lease in leases)
            {
                lease.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
