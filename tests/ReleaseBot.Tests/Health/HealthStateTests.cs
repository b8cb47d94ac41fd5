using Microsoft.Extensions.Time.Testing;
using ReleaseBot.Core.Health;

namespace ReleaseBot.Tests.Health;

public sealed class HealthStateTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 7, 31, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Check_NothingEnabled_Ready()
    {
        Assert.True(new HealthState(_time).Check(TimeSpan.FromMinutes(30)).Ready);
    }

    [Fact]
    public void Check_ExpectedPlatformNeverReported_NotReady()
    {
        var health = new HealthState(_time, [new ExpectedComponent(HealthComponent.Discord)]);

        var readiness = health.Check(TimeSpan.FromMinutes(30));

        Assert.False(readiness.Ready);
        Assert.Equal(["discord: not connected"], readiness.Problems);
    }

    [Fact]
    public void Noted_ErrorOfOneRequest_KeptButStillReady()
    {
        var health = new HealthState(_time);
        health.Succeeded(HealthComponent.Telegram);

        health.Noted(HealthComponent.Telegram, "sendMessage: HTTP 403");

        Assert.True(health.Check(TimeSpan.FromMinutes(30)).Ready);
        Assert.Equal("sendMessage: HTTP 403", health.Get(HealthComponent.Telegram)!.LastError);
    }
}
