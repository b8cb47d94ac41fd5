using System.Threading.RateLimiting;
using ReleaseBot.Core.Dispatch;
using ReleaseBot.Core.Domain;

namespace ReleaseBot.Tests.Dispatch;

// Limiters here never replenish on their own, so the tests do not depend on the clock.
public sealed class ChatRateLimiterTests
{
    private static readonly ChatAddress ChatA = new(Platform.Telegram, "-100a");
    private static readonly ChatAddress ChatB = new(Platform.Telegram, "-100b");

    [Fact]
    public async Task AcquireAsync_Unlimited_Acquires()
    {
        using var lease = await ChatRateLimiter.Unlimited.AcquireAsync(ChatA, 1, CancellationToken.None);

        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public async Task AcquireAsync_ChatExhausted_RefusesThatChatOnlyAndSaysWhen()
    {
        using var limiter = new ChatRateLimiter([OneMessagePerChat()]);

        using var first = await limiter.AcquireAsync(ChatA, 1, CancellationToken.None);
        using var second = await limiter.AcquireAsync(ChatA, 1, CancellationToken.None);
        using var other = await limiter.AcquireAsync(ChatB, 1, CancellationToken.None);

        Assert.True(first.IsAcquired);
        Assert.False(second.IsAcquired);
        Assert.True(second.TryGetMetadata(MetadataName.RetryAfter, out _));
        Assert.True(other.IsAcquired);
    }

    [Fact]
    public async Task AcquireAsync_ChatRefused_DoesNotSpendGlobalPermit()
    {
        // Two global permits: ChatA takes one; its refused second message must not take the
        // other (the chat is asked before the global limiter), so ChatB still passes.
        using var limiter = new ChatRateLimiter([OneMessagePerChat()], Bucket(2));
        using var _ = await limiter.AcquireAsync(ChatA, 1, CancellationToken.None);

        using var refused = await limiter.AcquireAsync(ChatA, 1, CancellationToken.None);
        using var passed = await limiter.AcquireAsync(ChatB, 1, CancellationToken.None);

        Assert.False(refused.IsAcquired);
        Assert.True(passed.IsAcquired);
    }

    [Fact]
    public async Task DisposeLease_ReleasesEveryPart()
    {
        using var global = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = 0 });
        using var limiter = new ChatRateLimiter([ChatRateLimits.FixedWindowPerChat(100, TimeSpan.FromHours(1))], global);

        var held = await limiter.AcquireAsync(ChatA, 1, CancellationToken.None);
        using var whileHeld = await limiter.AcquireAsync(ChatB, 1, CancellationToken.None);
        held.Dispose();
        using var afterRelease = await limiter.AcquireAsync(ChatB, 1, CancellationToken.None);

        Assert.False(whileHeld.IsAcquired);
        Assert.True(afterRelease.IsAcquired);
    }

    [Fact]
    public async Task PerChatLimit_WithPredicate_AppliesOnlyToMatchingChats()
    {
        // Telegram's 20/min applies to groups (negative ids) only.
        using var limiter = new ChatRateLimiter(
            [ChatRateLimits.FixedWindowPerChat(1, TimeSpan.FromHours(1), chat => chat.ChatId.StartsWith('-'))]);
        var privateChat = new ChatAddress(Platform.Telegram, "42");

        using var group1 = await limiter.AcquireAsync(ChatA, 1, CancellationToken.None);
        using var private1 = await limiter.AcquireAsync(privateChat, 1, CancellationToken.None);
        using var private2 = await limiter.AcquireAsync(privateChat, 1, CancellationToken.None);

        Assert.True(group1.IsAcquired);
        Assert.True(private1.IsAcquired);
        Assert.True(private2.IsAcquired);
        Assert.Equal("telegram:-100a", ChatRateLimits.PartitionKey(ChatA with { ThreadId = "7" }));
    }

    private static PartitionedRateLimiter<ChatAddress> OneMessagePerChat() =>
        PartitionedRateLimiter.Create<ChatAddress, string>(chat =>
            RateLimitPartition.GetTokenBucketLimiter(chat.Key, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = 1,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromHours(1),
                QueueLimit = 0,
                AutoReplenishment = false,
            }));

    private static TokenBucketRateLimiter Bucket(int tokens) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = tokens,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromHours(1),
        QueueLimit = 0,
        AutoReplenishment = false,
    });
}
