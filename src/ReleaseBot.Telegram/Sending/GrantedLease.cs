using System.Threading.RateLimiting;

namespace ReleaseBot.Telegram.Sending;

/// <summary>The lease handed out once the reserved send slot has come.</summary>
internal sealed class GrantedLease : RateLimitLease
{
    public static GrantedLease Instance { get; } = new();

    public override bool IsAcquired => true;

    public override IEnumerable<string> MetadataNames => [];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = null;
        return false;
    }
}
