using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ReleaseBot.Discord.Gateway;
using ReleaseBot.Testing.FakeTelegram;
using ReleaseBot.Tests.Security;

namespace ReleaseBot.Tests.Discord.Gateway;

public sealed class DiscordGatewayClientTests
{
    [Fact]
    public async Task RunAsync_Starts_IdentifiesOnceWithGuildsIntentAndRaisesReadyAndGuildCreate()
    {
        await using var rig = await DiscordClientRig.StartAsync();

        await rig.StartGatewayAsync();
        await rig.WaitAsync(() => rig.Dispatches.Names.Contains("GUILD_CREATE"));

        var identify = Assert.Single(rig.FakeGateway.Identifies);
        Assert.Equal(GatewayIntents.Guilds, identify["intents"]!.GetValue<int>());
        Assert.Equal("[0,1]", identify["shard"]!.ToJsonString());
        Assert.Equal("ReleaseBot", identify["properties"]!["browser"]!.GetValue<string>());
        Assert.Equal("/gateway?v=10&encoding=json", rig.FakeGateway.ConnectedPaths[0]);
        var ready = await rig.Gateway.WaitForReadyAsync(CancellationToken.None);
        Assert.Equal(rig.Server.ApplicationId, ready.ApplicationId);
        Assert.Equal(rig.Server.State.Options.BotUserId, ready.BotUserId);
        Assert.Equal(rig.FakeGateway.SessionId, ready.SessionId);
    }

    [Fact]
    public async Task RunAsync_Heartbeats_AreAckedAndKeepTheOneConnection()
    {
        // The fake's own deadline is off: on a loaded machine a late beat would make it close, which is not what this tests.
        await using var rig = await DiscordClientRig.StartAsync(
            fake => fake with { HeartbeatInterval = TimeSpan.FromMilliseconds(200), EnforceHeartbeatTimeout = false });
        await rig.StartGatewayAsync();

        await rig.WaitAsync(() => rig.FakeGateway.Heartbeats.Count >= 4);

        Assert.Equal(1, rig.FakeGateway.ConnectionCount);
        Assert.Equal(rig.FakeGateway.Sequence, rig.FakeGateway.Heartbeats[^1]!.GetValue<int>());
    }

    [Fact]
    public async Task RunAsync_ServerAsksForAHeartbeat_BeatsAtOnce()
    {
        await using var rig = await DiscordClientRig.StartAsync(fake => fake with { HeartbeatInterval = TimeSpan.FromMinutes(5) });
        await rig.StartGatewayAsync();
        var before = rig.FakeGateway.Heartbeats.Count;

        await rig.FakeGateway.RequestHeartbeatAsync();
        await rig.WaitAsync(() => rig.FakeGateway.Heartbeats.Count > before);

        Assert.Equal(rig.FakeGateway.Sequence, rig.FakeGateway.Heartbeats[^1]!.GetValue<int>());
    }

    [Fact]
    public async Task RunAsync_AcksStop_ClosesTheZombieWith4000AndResumes()
    {
        await using var rig = await DiscordClientRig.StartAsync();
        await rig.StartGatewayAsync();

        rig.FakeGateway.DropHeartbeatAcks = true;
        await rig.WaitAsync(() => rig.FakeGateway.ResumeCount >= 1);
        rig.FakeGateway.DropHeartbeatAcks = false;
        await rig.WaitAsync(() => rig.FakeGateway.IsLive);

        Assert.Contains(4000, rig.FakeGateway.ClientCloseCodes);
        Assert.Equal(1, rig.FakeGateway.IdentifyCount);
        Assert.StartsWith("/gateway-resume?v=10&encoding=json", rig.FakeGateway.ConnectedPaths[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ConnectionDropped_ResumesAndGetsTheEventsSentMeanwhileInOrder()
    {
        await using var rig = await DiscordClientRig.StartAsync();
        await rig.StartGatewayAsync();

        rig.FakeGateway.DropConnection();
        for (var i = 0; i < 3; i++)
        {
            await rig.FakeGateway.DispatchAsync("TEST_EVENT", new JsonObject { ["n"] = i });
        }

        await rig.WaitAsync(() => rig.Dispatches.Names.Count(n => n == "TEST_EVENT") >= 3 && rig.FakeGateway.IsLive);

        var numbers = rig.Dispatches.Events.Where(e => e.Name == "TEST_EVENT").Select(e => e.Data.GetProperty("n").GetInt32()).Distinct();
        Assert.Equal([0, 1, 2], numbers);
        Assert.Equal(1, rig.FakeGateway.IdentifyCount);
        Assert.True(rig.FakeGateway.ResumeCount >= 1);
    }

    [Fact]
    public async Task RunAsync_Op7Reconnect_ResumesAtTheResumeUrlWithoutEndingTheSession()
    {
        await using var rig = await DiscordClientRig.StartAsync();
        await rig.StartGatewayAsync();

        await rig.FakeGateway.SendReconnectAsync();
        await rig.WaitAsync(() => rig.FakeGateway.ResumeCount == 1 && rig.FakeGateway.IsLive && rig.Dispatches.Names.Contains("RESUMED"));

        Assert.Equal(1, rig.FakeGateway.IdentifyCount);
        Assert.DoesNotContain(1000, rig.FakeGateway.ClientCloseCodes);
        Assert.StartsWith("/gateway-resume", rig.FakeGateway.ConnectedPaths[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Op9NotResumable_IdentifiesAgainAfterTheWait()
    {
        var wait = TimeSpan.FromMilliseconds(300);
        await using var rig = await DiscordClientRig.StartAsync(
            fake => fake with { IdentifyLimit = new FakeRateRule(1, TimeSpan.FromMilliseconds(200)) },
            client: o =>
            {
                o.InvalidSessionDelayMin = wait;
                o.InvalidSessionDelayMax = wait;
                o.IdentifyWindow = TimeSpan.FromMilliseconds(200);
            });
        await rig.StartGatewayAsync();
        var firstSession = rig.FakeGateway.SessionId;

        var sent = TimeProvider.System.GetTimestamp();
        await rig.FakeGateway.SendInvalidSessionAsync(resumable: false);
        await rig.WaitAsync(() => rig.Dispatches.Names.Count(n => n == "READY") == 2);

        Assert.True(TimeProvider.System.GetElapsedTime(sent) >= wait);
        Assert.Equal(2, rig.FakeGateway.IdentifyCount);
        Assert.Equal(0, rig.FakeGateway.ResumeCount);
        Assert.NotEqual(firstSession, rig.FakeGateway.SessionId);
        Assert.Equal(rig.FakeGateway.SessionId, rig.Gateway.Ready?.SessionId);
    }

    [Theory]
    [InlineData(4004)]
    [InlineData(4013)]
    [InlineData(4014)]
    public async Task RunAsync_FatalCloseCode_StopsWithoutReconnectingAndLogsOnce(int code)
    {
        await using var rig = await DiscordClientRig.StartAsync();
        await rig.StartGatewayAsync();
        var connections = rig.FakeGateway.ConnectionCount;

        await rig.FakeGateway.CloseAsync(code);
        var error = await Assert.ThrowsAsync<DiscordGatewayFatalException>(() => rig.GatewayRun);

        Assert.Equal(code, error.CloseCode);
        Assert.Equal(connections, rig.FakeGateway.ConnectionCount);
        Assert.Equal(1, rig.FakeGateway.IdentifyCount);
        Assert.Single(rig.Logs.GetSnapshot(), r => r.Level == LogLevel.Critical);
    }

    [Fact]
    public async Task RunAsync_WrongTokenOnTheGateway_IdentifiesOnceAndStops()
    {
        await using var rig = await DiscordClientRig.StartAsync(client: o =>
        {
            o.Token = "not-the-token";
            o.GatewayUrl = null;
        });
        var run = rig.Gateway.RunAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<DiscordGatewayFatalException>(() => run);

        Assert.Null(error.CloseCode);
        Assert.Equal(0, rig.FakeGateway.ConnectionCount);
        Assert.Single(rig.Logs.GetSnapshot(), r => r.Level == LogLevel.Critical);
    }

    [Fact]
    public async Task RunAsync_BadTokenAtIdentify_Closes4004OnceAndNeverLoops()
    {
        await using var rig = await DiscordClientRig.StartAsync();
        var wrong = "not-the-token-" + Guid.NewGuid().ToString("N");
        await using var bad = await DiscordClientRig.StartAsync(client: o =>
        {
            o.Token = wrong;
            o.GatewayUrl = rig.FakeGateway.Url;
        });

        var error = await Assert.ThrowsAsync<DiscordGatewayFatalException>(() => bad.Gateway.RunAsync(CancellationToken.None));

        Assert.Equal(4004, error.CloseCode);
        Assert.Equal(1, rig.FakeGateway.IdentifyCount);
        Assert.DoesNotContain(wrong, error.ToString(), StringComparison.Ordinal);
        SecretAssert.NotLogged(bad.Logs, wrong);
    }

    [Fact]
    public async Task RunAsync_FiftyForcedReconnects_OneIdentifyAndAResumeEach()
    {
        // Forced one after another within milliseconds: with the default MinStableConnection they would back off (test below).
        await using var rig = await DiscordClientRig.StartAsync(client: o => o.MinStableConnection = TimeSpan.FromTicks(1));
        await rig.StartGatewayAsync();

        for (var i = 1; i <= 50; i++)
        {
            switch (i % 3)
            {
                case 0:
                    await rig.FakeGateway.SendReconnectAsync();
                    break;
                case 1:
                    await rig.FakeGateway.CloseAsync(4000, "Unknown error");
                    break;
                default:
                    rig.FakeGateway.DropConnection();
                    break;
            }

            await rig.WaitAsync(() => rig.FakeGateway.ResumeCount >= i && rig.FakeGateway.IsLive);
        }

        Assert.Equal(1, rig.FakeGateway.IdentifyCount);
        Assert.True(rig.FakeGateway.ResumeCount >= 50);
        SecretAssert.NotLogged(rig.Logs, rig.Server.Token);
    }

    [Fact]
    public async Task RunAsync_GatewayClosingSoonAfterEachResume_ReconnectsWithGrowingPauseNotAtOnce()
    {
        await using var rig = await DiscordClientRig.StartAsync(client: o =>
        {
            o.ReconnectDelayMin = TimeSpan.FromMilliseconds(100);
            o.ReconnectDelayMax = TimeSpan.FromSeconds(2);
            o.MinStableConnection = TimeSpan.FromSeconds(30);
        });
        await rig.StartGatewayAsync();

        // For 6 s every connection is closed as soon as it is live: the fake gateway "closing every few seconds", at its worst.
        var storm = System.Diagnostics.Stopwatch.StartNew();
        while (storm.Elapsed < TimeSpan.FromSeconds(6))
        {
            if (rig.FakeGateway.IsLive)
            {
                await rig.FakeGateway.CloseAsync(4000, "Unknown error");
            }

            await Task.Delay(5);
        }

        var connections = rig.FakeGateway.ConnectionCount;
        await rig.WaitAsync(() => rig.FakeGateway.IsLive);

        // Pauses 0.05–0.1, 0.1–0.2, 0.2–0.4, 0.4–0.8, 0.8–1.6, then 1–2 s: at most about a dozen connections in 6 s;
        // reconnecting at once would make hundreds. One Identify: every reconnect resumed.
        Assert.InRange(connections, 3, 15);
        Assert.Equal(1, rig.FakeGateway.IdentifyCount);
    }
}
