using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ReleaseBot.Discord;
using ReleaseBot.Discord.Rest;

namespace ReleaseBot.Tests.Discord.Rest;

public sealed class DiscordInvalidRequestGuardTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 7, 31, 12, 0, 0, TimeSpan.Zero));
    private readonly FakeLogger<DiscordInvalidRequestGuard> _logger = new();

    [Fact]
    public void TryEnter_LimitReached_RefusesUntilTheOldestLeavesTheWindowAndLogsOnce()
    {
        var guard = Guard(limit: 3);
        var start = _time.GetUtcNow();
        guard.Record(HttpStatusCode.Forbidden, null);
        _time.Advance(TimeSpan.FromMinutes(1));
        guard.Record(HttpStatusCode.Unauthorized, null);
        guard.Record(HttpStatusCode.TooManyRequests, "user");

        Assert.False(guard.TryEnter(out var retryAt));
        Assert.False(guard.TryEnter(out _));
        Assert.Equal(start + TimeSpan.FromMinutes(10), retryAt);
        Assert.Single(_logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Error);

        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.True(guard.TryEnter(out _));
    }

    [Fact]
    public void Record_SharedScope429AndOtherErrors_AreNotCounted()
    {
        var guard = Guard(limit: 1);
        guard.Record(HttpStatusCode.TooManyRequests, "shared");
        guard.Record(HttpStatusCode.NotFound, null);
        guard.Record(HttpStatusCode.BadRequest, null);

        Assert.True(guard.TryEnter(out _));
        Assert.Equal(0, guard.Count);
    }

    private DiscordInvalidRequestGuard Guard(int limit) =>
        new(Options.Create(new DiscordOptions { InvalidRequestLimit = limit }), _time, _logger);
}
