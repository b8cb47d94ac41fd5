using System.Threading.RateLimiting;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;

namespace ReleaseBot.Core.Dispatch;

/// <summary>
/// A platform's send limits composed from System.Threading.RateLimiting parts: per-chat
/// partitioned limiters (per chat, per group …) and one global limiter. A message may go when
/// every part grants a lease. The chat limiters are acquired first and the global one last, so
/// a message waiting for its chat does not hold a global permit that another chat could use.
/// </summary>
public sealed class ChatRateLimiter(
    IReadOnlyList<PartitionedRateLimiter<ChatAddress>> chatLimiters,
    RateLimiter? globalLimiter = null) : IChatRateLimiter, IDisposable
{
    /// <summary>No limits (console, tests).</summary>
    public static ChatRateLimiter Unlimited { get; } = new([]);

    public async ValueTask<RateLimitLease> AcquireAsync(ChatAddress chat, int messages, CancellationToken cancellationToken)
    {
        var leases = new List<RateLimitLease>(chatLimiters.Count + 1);
        try
        {
            foreach (var limiter in chatLimiters)
            {
                var lease = await limiter.AcquireAsync(chat, messages, cancellationToken);
                if (!lease.IsAcquired)
                {
                    return Refuse(leases, lease);
                }

                leases.Add(lease);
            }

            if (globalLimiter is not null)
            {
                var lease = await globalLimiter.AcquireAsync(messages, cancellationToken);
                if (!lease.IsAcquired)
                {
                    return Refuse(leases, lease);
                }

                leases.Add(lease);
            }

            return new CombinedRateLimitLease(leases);
        }
        catch
        {
            DisposeAll(leases);
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var limiter in chatLimiters)
        {
            limiter.Dispose();
        }

        globalLimiter?.Dispose();
    }

    /// <summary>Gives back what was acquired and returns the refusal (it carries the RetryAfter metadata).</summary>
    private static RateLimitLease Refuse(List<RateLimitLease> acquired, RateLimitLease refusal)
    {
        DisposeAll(acquired);
        return refusal;
    }

    private static void DisposeAll(List<RateLimitLease> leases)
    {
        foreach (var lease in leases)
        {
            lease.Dispose();
        }

        leases.Clear();
    }
}
