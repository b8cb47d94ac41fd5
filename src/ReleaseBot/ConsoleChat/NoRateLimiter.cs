using System.Threading.RateLimiting;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;

namespace ReleaseBot.ConsoleChat;

/// <summary>A terminal has no rate limit.</summary>
public sealed class NoRateLimiter : IChatRateLimiter, IDisposable
{
    private readonly PartitionedRateLimiter<ChatAddress> _limiter =
        PartitionedRateLimiter.Create<ChatAddress, string>(_ => RateLimitPartition.GetNoLimiter("console"));

    public ValueTask<RateLimitLease> AcquireAsync(ChatAddress chat, int messages, CancellationToken cancellationToken) =>
        _limiter.AcquireAsync(chat, messages, cancellationToken);

    public void Dispose() => _limiter.Dispose();
}
