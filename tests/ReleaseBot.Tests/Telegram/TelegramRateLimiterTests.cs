using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ReleaseBot.Telegram;
using ReleaseBot.Telegram.Sending;

namespace ReleaseBot.Tests.Telegram;

/// <summary>The limiter's schedule, on a fake clock: which sends may go at which instant.</summary>
public sealed class TelegramRateLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 7, 31, 0, 0, 0, TimeSpan.Zero));

    private TelegramRateLimiter Limiter(double globalPerSecond = 1000, int groupPerWindow = 20, int hardLimit = 30) => new(
        Options.Create(new TelegramOptions
        {
            PerChatInterval = TimeSpan.FromSeconds(1),
            GroupMessagesPerWindow = groupPerWindow,
            GroupWindow = TimeSpan.FromMinutes(1),
            GlobalMessagesPerSecond = globalPerSecond,
            GlobalHardLimitPerSecond = hardLimit,
        }),
        _time);

    [Fact]
    public void TryTakeChatSlot_SameChatTwice_SecondFreeAfterThePerChatIntervalOthersAtOnce()
    {
        var limiter = Limiter();
        var start = _time.GetUtcNow();

        Assert.True(limiter.TryTakeChatSlot("1", out _));
        Assert.False(limiter.TryTakeChatSlot("1", out var freeAt));
        Assert.True(limiter.TryTakeChatSlot("2", out _));
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(limiter.TryTakeChatSlot("1", out _));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(limiter.TryTakeChatSlot("1", out _));
        Assert.Equal(start.AddSeconds(1), freeAt);
    }

    [Fact]
    public async Task WaitChatSlot_LaterPartsOfOneReply_WaitThePerChatIntervalEach()
    {
        var limiter = Limiter();

        var first = limiter.WaitChatSlotAsync("1", CancellationToken.None).AsTask();
        var second = limiter.WaitChatSlotAsync("1", CancellationToken.None).AsTask();
        var completedBeforeTheClockMoved = second.IsCompleted;
        _time.Advance(TimeSpan.FromSeconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(first.IsCompletedSuccessfully);
        Assert.False(completedBeforeTheClockMoved);
        Assert.False(limiter.TryTakeChatSlot("1", out var freeAt));
        Assert.Equal(_time.GetUtcNow().AddSeconds(1), freeAt);
    }

    [Fact]
    public async Task WaitGlobalSlot_ManySends_AreSpacedByTheGlobalRate()
    {
        var limiter = Limiter(globalPerSecond: 10);
        var acquires = Enumerable.Range(0, 10).Select(_ => limiter.WaitGlobalSlotAsync(CancellationToken.None).AsTask()).ToArray();

        // Timers of a fake clock fire only when it is advanced: what has not completed cannot complete meanwhile.
        var atOnce = acquires.Count(a => a.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(450));
        await Task.WhenAll(acquires.Take(5)).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(1, atOnce);
        Assert.All(acquires.Skip(5), a => Assert.False(a.IsCompleted));
    }

    [Fact]
    public async Task WaitGlobalSlot_SlowRequests_CappedByTheHardLimitNotTheSpacedRate()
    {
        var limiter = Limiter(globalPerSecond: 2, hardLimit: 3);
        // Started off the test's synchronization context, the limiter's waits resume inside Advance itself: when Advance
        // returns, every wait that fell due has been taken up again, and what is still pending cannot complete meanwhile.
        var acquires = await Task.Run(() => Enumerable.Range(0, 4).Select(_ => limiter.WaitGlobalSlotAsync(CancellationToken.None).AsTask()).ToArray());

        // Requests that never complete: the spacing (0.5 s) lets three go by 1 s, the hard limit holds the fourth.
        for (var i = 0; i < 20; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }

        await Task.WhenAll(acquires.Take(3)).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(acquires[3].IsCompleted);

        limiter.ReleaseGlobalSlot();
        for (var i = 0; i < 12; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }

        await acquires[3].WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task WaitGlobalSlot_NoSpacing_ALimitsWorthAtOnceTheNextOneSecondAfterTheirAnswers()
    {
        var limiter = Limiter(globalPerSecond: 0, hardLimit: 3);
        var burst = Enumerable.Range(0, 3).Select(_ => limiter.WaitGlobalSlotAsync(CancellationToken.None).AsTask()).ToArray();
        var burstAtOnce = burst.All(a => a.IsCompletedSuccessfully);
        _time.Advance(TimeSpan.FromMilliseconds(50));
        for (var i = 0; i < 3; i++)
        {
            limiter.ReleaseGlobalSlot();
        }

        var fourth = limiter.WaitGlobalSlotAsync(CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(999));
        var fourthBeforeTheWindowMoved = fourth.IsCompleted;
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await fourth.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(burstAtOnce);
        Assert.False(fourthBeforeTheWindowMoved);
    }

    [Fact]
    public void TryTakeChatSlot_GroupPastItsWindowLimit_FreeWhenTheOldestLeavesTheWindow()
    {
        var limiter = Limiter(groupPerWindow: 3);
        var start = _time.GetUtcNow();
        for (var i = 0; i < 3; i++)
        {
            Assert.True(limiter.TryTakeChatSlot("-100", out _));
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.False(limiter.TryTakeChatSlot("-100", out var freeAt));
        Assert.True(limiter.TryTakeChatSlot("42", out _));
        _time.Advance(TimeSpan.FromSeconds(56));
        Assert.False(limiter.TryTakeChatSlot("-100", out _));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.TryTakeChatSlot("-100", out _));
        Assert.Equal(start.AddMinutes(1), freeAt);
    }

    [Fact]
    public void Defer_AfterA429_HoldsOnlyThatChat()
    {
        var limiter = Limiter();
        var until = _time.GetUtcNow().AddSeconds(30);
        limiter.Defer("1", until);

        Assert.False(limiter.TryTakeChatSlot("1", out var freeAt));
        Assert.True(limiter.TryTakeChatSlot("2", out _));
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(limiter.TryTakeChatSlot("1", out _));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.TryTakeChatSlot("1", out _));
        Assert.Equal(until, freeAt);
    }
}
