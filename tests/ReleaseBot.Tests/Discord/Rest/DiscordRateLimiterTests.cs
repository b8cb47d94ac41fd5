using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ReleaseBot.Discord;
using ReleaseBot.Discord.Rest;

namespace ReleaseBot.Tests.Discord.Rest;

public sealed class DiscordRateLimiterTests
{
    private static readonly TimeSpan NoWait = TimeSpan.Zero;
    private static readonly TimeSpan LongWait = TimeSpan.FromMinutes(1);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 7, 31, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task AcquireAsync_BucketEmpty_AnswersWhenItResetsInsteadOfWaitingPastTheMaximum()
    {
        var limiter = Limiter();
        var route = DiscordRoute.CreateMessage(1);
        Assert.Null(await limiter.AcquireAsync(route, NoWait, CancellationToken.None));
        limiter.Update(route, Headers(remaining: 0, resetAfter: 2.5, bucket: "msg"));

        var freeAt = await limiter.AcquireAsync(route, TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(2.5), freeAt);
    }

    [Fact]
    public async Task AcquireAsync_BucketEmptyWithinMaximum_WaitsForTheReset()
    {
        var limiter = Limiter();
        var route = DiscordRoute.CreateMessage(1);
        await limiter.AcquireAsync(route, NoWait, CancellationToken.None);
        limiter.Update(route, Headers(remaining: 0, resetAfter: 2, bucket: "msg"));

        var acquire = limiter.AcquireAsync(route, LongWait, CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(acquire.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Null(await acquire);
    }

    [Fact]
    public async Task AcquireAsync_OtherChannelOfTheSameBucket_IsNotHeldBack()
    {
        var limiter = Limiter();
        var first = DiscordRoute.CreateMessage(1);
        await limiter.AcquireAsync(first, NoWait, CancellationToken.None);
        limiter.Update(first, Headers(remaining: 0, resetAfter: 5, bucket: "msg"));

        Assert.NotNull(await limiter.AcquireAsync(first, NoWait, CancellationToken.None));
        Assert.Null(await limiter.AcquireAsync(DiscordRoute.CreateMessage(2), NoWait, CancellationToken.None));
    }

    [Fact]
    public async Task AcquireAsync_RemainingCountedDownLocally_StopsAtTheLimitBeforeTheNextAnswer()
    {
        var limiter = Limiter();
        var route = DiscordRoute.CreateMessage(1);
        await limiter.AcquireAsync(route, NoWait, CancellationToken.None);
        limiter.Update(route, Headers(remaining: 2, resetAfter: 5, bucket: "msg"));

        Assert.Null(await limiter.AcquireAsync(route, NoWait, CancellationToken.None));
        Assert.Null(await limiter.AcquireAsync(route, NoWait, CancellationToken.None));
        Assert.NotNull(await limiter.AcquireAsync(route, NoWait, CancellationToken.None));
    }

    [Fact]
    public async Task AcquireAsync_GlobalWindowFull_HoldsBotRoutesForTheRestOfTheSecondButNotInteractionCallbacks()
    {
        var limiter = Limiter(globalPerSecond: 3);
        for (var channel = 1UL; channel <= 3; channel++)
        {
            Assert.Null(await limiter.AcquireAsync(DiscordRoute.CreateMessage(channel), NoWait, CancellationToken.None));
        }

        _time.Advance(TimeSpan.FromMilliseconds(400));
        var freeAt = await limiter.AcquireAsync(DiscordRoute.CreateMessage(4), NoWait, CancellationToken.None);
        var callback = await limiter.AcquireAsync(DiscordRoute.InteractionCallback(9, "tok"), NoWait, CancellationToken.None);

        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromMilliseconds(600), freeAt);
        Assert.Null(callback);
    }

    [Fact]
    public async Task AcquireAsync_SlowAnswer_CountsInTheGlobalWindowUntilASecondAfterIt()
    {
        var limiter = Limiter(globalPerSecond: 2);
        Assert.Null(await limiter.AcquireAsync(DiscordRoute.CreateMessage(1), NoWait, CancellationToken.None));
        Assert.Null(await limiter.AcquireAsync(DiscordRoute.CreateMessage(2), NoWait, CancellationToken.None));
        _time.Advance(TimeSpan.FromMilliseconds(300));
        limiter.Release(DiscordRoute.CreateMessage(1));
        limiter.Release(DiscordRoute.CreateMessage(2));

        // A second after leaving is not enough: Discord may have counted them as late as their answers.
        _time.Advance(TimeSpan.FromMilliseconds(800));
        var freeAt = await limiter.AcquireAsync(DiscordRoute.CreateMessage(3), NoWait, CancellationToken.None);

        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromMilliseconds(200), freeAt);
    }

    [Fact]
    public async Task OnTooManyRequests_Global_PausesEveryBotRoute()
    {
        var limiter = Limiter();
        limiter.OnTooManyRequests(DiscordRoute.CreateMessage(1), global: true, TimeSpan.FromSeconds(3));

        var freeAt = await limiter.AcquireAsync(DiscordRoute.GetChannel(77), NoWait, CancellationToken.None);

        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(3), freeAt);
    }

    [Fact]
    public async Task OnTooManyRequests_Bucket_PausesOnlyThatChannel()
    {
        var limiter = Limiter();
        limiter.OnTooManyRequests(DiscordRoute.CreateMessage(1), global: false, TimeSpan.FromSeconds(3));

        Assert.NotNull(await limiter.AcquireAsync(DiscordRoute.CreateMessage(1), NoWait, CancellationToken.None));
        Assert.Null(await limiter.AcquireAsync(DiscordRoute.CreateMessage(2), NoWait, CancellationToken.None));
    }

    [Fact]
    public async Task Update_WindowPassed_BucketRefillsToItsLimit()
    {
        var limiter = Limiter();
        var route = DiscordRoute.CreateMessage(1);
        await limiter.AcquireAsync(route, NoWait, CancellationToken.None);
        limiter.Update(route, Headers(remaining: 0, resetAfter: 1, bucket: "msg", limit: 2));
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Null(await limiter.AcquireAsync(route, NoWait, CancellationToken.None));
        Assert.Null(await limiter.AcquireAsync(route, NoWait, CancellationToken.None));
        Assert.NotNull(await limiter.AcquireAsync(route, NoWait, CancellationToken.None));
    }

    private DiscordRateLimiter Limiter(int globalPerSecond = 50) =>
        new(Options.Create(new DiscordOptions { GlobalRequestsPerSecond = globalPerSecond }), _time, NullLogger<DiscordRateLimiter>.Instance);

    private static System.Net.Http.Headers.HttpResponseHeaders Headers(int remaining, double resetAfter, string bucket, int limit = 5)
    {
        var headers = new HttpResponseMessage().Headers;
        headers.Add("X-RateLimit-Limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        headers.Add("X-RateLimit-Remaining", remaining.ToString(System.Globalization.CultureInfo.InvariantCulture));
        headers.Add("X-RateLimit-Reset-After", resetAfter.ToString(System.Globalization.CultureInfo.InvariantCulture));
        headers.Add("X-RateLimit-Bucket", bucket);
        return headers;
    }
}
