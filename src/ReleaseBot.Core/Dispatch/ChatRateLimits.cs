using System.Threading.RateLimiting;
using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Dispatch;

/// <summary>
/// Building blocks for <see cref="ChatRateLimiter"/>. Every limiter queues waiters (oldest
/// first) instead of refusing, so <c>AcquireAsync</c> waits until a message may go.
/// Telegram, for example: per chat a token bucket of 1/s, per group a sliding window of
/// 20/min, global a token bucket of 30/s.
/// </summary>
public static class ChatRateLimits
{
    private const int QueueLimit = 1_000_000;

    /// <summary>Per-chat token bucket: <paramref name="burst"/> messages at once, refilled by <paramref name="perPeriod"/> every <paramref name="period"/>.</summary>
    public static PartitionedRateLimiter<ChatAddress> TokenBucketPerChat(
        int burst, int perPeriod, TimeSpan period, Func<ChatAddress, bool>? appliesTo = null) =>
        PartitionedRateLimiter.Create<ChatAddress, string>(chat => Applies(chat, appliesTo)
            ? RateLimitPartition.GetTokenBucketLimiter(PartitionKey(chat), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
                TokensPerPeriod = perPeriod,
                ReplenishmentPeriod = period,
                QueueLimit = QueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            })
            : RateLimitPartition.GetNoLimiter(PartitionKey(chat)));

    /// <summary>Per-chat sliding window: at most <paramref name="permits"/> messages in any <paramref name="window"/>.</summary>
    public static PartitionedRateLimiter<ChatAddress> SlidingWindowPerChat(
        int permits, TimeSpan window, int segments, Func<ChatAddress, bool>? appliesTo = null) =>
        PartitionedRateLimiter.Create<ChatAddress, string>(chat => Applies(chat, appliesTo)
            ? RateLimitPartition.GetSlidingWindowLimiter(PartitionKey(chat), _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = window,
                SegmentsPerWindow = segments,
                QueueLimit = QueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            })
            : RateLimitPartition.GetNoLimiter(PartitionKey(chat)));

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

    /// <summary>Global token bucket over all chats of a platform.</summary>
    public static RateLimiter GlobalTokenBucket(int burst, int perPeriod, TimeSpan period) =>
        new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = perPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });

    /// <summary>
    /// The limiting key is the chat without its thread: platforms count forum topics and
    /// threads against their chat (Telegram) or channel.
    /// </summary>
    public static string PartitionKey(ChatAddress chat) =>
        new ChatAddress(chat.Platform, chat.ChatId).Key;

    private static bool Applies(ChatAddress chat, Func<ChatAddress, bool>? appliesTo) =>
        appliesTo?.Invoke(chat) ?? true;
}
