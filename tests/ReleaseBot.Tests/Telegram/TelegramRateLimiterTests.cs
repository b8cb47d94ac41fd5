using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ReleaseBot.Core.Domain;
using ReleaseBot.Telegram;
using ReleaseBot.Telegram.Sending;

namespace ReleaseBot.Tests.Telegram;

/// <summary>The limiter's schedule, on a fake clock: which acquires may go at which instant.</summary>
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

    private static ChatAddress Chat(string id) => new(Platform.Telegram, id);

    [Fact]
    public async Task Acquire_SameChatTwice_SecondWaitsThePerChatInterval()
    {
        var limiter = Limiter();
        Assert.True((await limiter.AcquireAsync(Chat("1"), 1, CancellationToken.None)).IsAcquired);

        var second = limiter.AcquireAsync(Chat("1"), 1, CancellationToken.None).AsTask();
        var other = limiter.AcquireAsync(Chat("2"), 1, CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(999));
        await Task.Delay(50);
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(other.IsCompleted);
    }

    [Fact]
    public async Task WaitGlobalSlot_ManySends_AreSpacedByTheGlobalRate()
    {
        var limiter = Limiter(globalPerSecond: 10);
        var acquires = Enumerable.Range(0, 10).Select(_ => limiter.WaitGlobalSlotAsync(CancellationToken.None).AsTask()).ToArray();

        await Task.Delay(50);
        Assert.Equal(1, acquires.Count(a => a.IsCompleted));
        _time.Advance(TimeSpan.FromMilliseconds(450));
        await Task.WhenAll(acquires.Take(5)).WaitAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(50);
        Assert.Equal(5, acquires.Count(a => a.IsCompleted));
    }

    [Fact]
    public async Task WaitGlobalSlot_SlowRequests_CappedByTheHardLimitNotTheSpacedRate()
    {
        var limiter = Limiter(globalPerSecond: 2, hardLimit: 3);
        var acquires = Enumerable.Range(0, 4).Select(_ => limiter.WaitGlobalSlotAsync(CancellationToken.None).AsTask()).ToArray();

        // Requests that never complete: the spacing (0.5 s) lets three go by 1 s, the hard limit holds the fourth.
        for (var i = 0; i < 20; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(5);
        }

        await Task.WhenAll(acquires.Take(3)).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(acquires[3].IsCompleted);

        limiter.ReleaseGlobalSlot();
        for (var i = 0; i < 12; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(5);
        }

        await acquires[3].WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Acquire_GroupPastItsWindowLimit_WaitsForTheOldestToLeaveTheWindow()
    {
        var limiter = Limiter(groupPerWindow: 3);
        for (var i = 0; i < 3; i++)
        {
            var lease = limiter.AcquireAsync(Chat("-100"), 1, CancellationToken.None).AsTask();
            _time.Advance(TimeSpan.FromSeconds(1));
            await lease.WaitAsync(TimeSpan.FromSeconds(5));
        }

        var fourth = limiter.AcquireAsync(Chat("-100"), 1, CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromSeconds(56));
        await Task.Delay(50);
        Assert.False(fourth.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        await fourth.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Defer_AfterA429_HoldsOnlyThatChat()
    {
        var limiter = Limiter();
        limiter.Defer("1", TimeSpan.FromSeconds(30));

        var held = limiter.AcquireAsync(Chat("1"), 1, CancellationToken.None).AsTask();
        await limiter.AcquireAsync(Chat("2"), 1, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(50);
        Assert.False(held.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        await held.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
