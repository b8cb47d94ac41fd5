using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Replies;

namespace ReleaseBot.Core.Ports;

/// <summary>Sends a rendered reply to one chat of one platform. Implementations never throw for platform errors.</summary>
public interface IMessageSender
{
    Platform Platform { get; }

    /// <summary>Per-platform rate-limit policy used by the dispatcher before each send.</summary>
    IChatRateLimiter RateLimiter { get; }

    /// <summary>Sends one reply (split into several messages where the platform's limits require).</summary>
    Task<SendOutcome> SendAsync(ChatAddress chat, Reply reply, CancellationToken cancellationToken);
}
