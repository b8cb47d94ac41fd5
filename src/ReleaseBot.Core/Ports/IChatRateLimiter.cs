using System.Threading.RateLimiting;
using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Ports;

/// <summary>
/// A platform's send limits (per chat, per group, global), built on System.Threading.RateLimiting.
/// The lease must be held for one message; <see cref="AcquireAsync"/> waits until every limit allows it.
/// </summary>
public interface IChatRateLimiter
{
    ValueTask<RateLimitLease> AcquireAsync(ChatAddress chat, int messages, CancellationToken cancellationToken);
}
