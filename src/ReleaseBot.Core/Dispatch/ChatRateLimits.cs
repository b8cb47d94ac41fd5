using System.Threading.RateLimiting;
using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Dispatch;

/// <summary>
/// Building blocks for <see cref="ChatRateLimiter"/>. Every limiter queues waiters (oldest
/// first) instead of refusing, so <c>AcquireAsync</c> waits until a message may go. Telegram has
/// its own limiter (strict one-second windows); these serve platforms whose limits are windows
/// per chat, and a global limiter is any System.Threading.RateLimiting <see cref="RateLimiter"/>.
/// </summary>
public static class ChatRateLimits
{
    private const int QueueLimit = 1_000_000;

    /// <summary>Per-chat fixed window.</summary>
    public static PartitionedRateLimiter<ChatAddress> FixedWindowPerChat(
        int permits, TimeSpan window, Func<ChatAddress, bool>? appliesTo = null) =>
        PartitionedRateLimiter.Create<ChatAddress, string>(chat => Applies(chat, appliesTo)
            ? RateLimitPartition.GetFixedWindowLimiter(PartitionKey(chat), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = window,
                QueueLimit = QueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            })
            : RateLimitPartition.GetNoLimiter(PartitionKey(chat)));

    /// <summary>
    /// The limiting key is the chat without its thread: platforms count forum topics and
    /// threads against their chat (Telegram) or channel.
    /// </summary>
    public static string PartitionKey(ChatAddress chat) =>
        new ChatAddress(chat.Platform, chat.ChatId).Key;

    private static bool Applies(ChatAddress chat, Func<ChatAddress, bool>? appliesTo) =>
        appliesTo?.Invoke(chat) ?? true;
}
