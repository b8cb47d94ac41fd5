using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ReleaseBot.Discord.Rest;
using ReleaseBot.Testing.FakeDiscord;

namespace ReleaseBot.Tests.Discord.Rest;

public sealed class DiscordRestClientTests
{
    private const ulong Channel = DiscordClientRig.ChannelId;

    [Fact]
    public async Task SendAsync_GetCurrentUser_PassesTheFakesTokenAndUserAgentChecks()
    {
        await using var rig = await DiscordClientRig.StartAsync();

        var response = await rig.Rest.SendAsync(DiscordRoute.GetCurrentUser(), null, CancellationToken.None);

        Assert.True(response.IsSuccess, response.ToString());
        Assert.Equal(rig.Server.State.Options.BotUserId.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Body.GetProperty("id").GetString());
    }

    [Fact]
    public async Task SendAsync_WrongToken_Returns401WithDiscordsCodeInsteadOfThrowing()
    {
        await using var rig = await DiscordClientRig.StartAsync(client: o => o.Token = "not-the-token");

        var response = await rig.Rest.SendAsync(DiscordRoute.GetCurrentUser(), null, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(0, response.ErrorCode);
        Assert.Single(rig.Logs.GetSnapshot(), r => r.Id.Id == 5103);
    }

    [Fact]
    public async Task SendAsync_ThreeTimesTheChannelLimitInARow_PostsEverythingWithoutA429()
    {
        await using var rig = await DiscordClientRig.StartAsync(fake => fake with { Messages = new(5, TimeSpan.FromSeconds(1)) });

        for (var i = 0; i < 15; i++)
        {
            var response = await rig.Rest.SendAsync(DiscordRoute.CreateMessage(Channel), new { Content = $"release {i}" }, CancellationToken.None);
            Assert.True(response.IsSuccess, response.ToString());
        }

        Assert.Equal(15, rig.Server.State.MessagesIn(Channel).Count);
        Assert.Equal(0, rig.Server.State.TooManyRequestsCount);
    }

    [Theory]
    [InlineData("user")]
    [InlineData("shared")]
    [InlineData("global")]
    public async Task SendAsync_429OfAnyScope_WaitsItOutAndPostsOnce(string scope)
    {
        await using var rig = await DiscordClientRig.StartAsync();
        rig.Server.State.FailNext(Channel, TooManyRequests(scope, 0.2));

        var response = await rig.Rest.SendAsync(DiscordRoute.CreateMessage(Channel), new { Content = "Qwen3 is out" }, CancellationToken.None);

        Assert.True(response.IsSuccess, response.ToString());
        Assert.Single(rig.Server.State.MessagesIn(Channel));
        Assert.Equal([429, 200], rig.Server.State.Requests.Where(r => r.Method == "POST").Select(r => r.Status));
    }

    [Fact]
    public async Task SendAsync_429LongerThanTheCallerWaits_ReturnsItWithTheRetryInstant()
    {
        await using var rig = await DiscordClientRig.StartAsync();
        rig.Server.State.FailNext(Channel, TooManyRequests("user", 60));

        var response = await rig.Rest.SendAsync(DiscordRoute.CreateMessage(Channel), new { Content = "GLM-4.5" }, TimeSpan.FromSeconds(1), CancellationToken.None);
        var next = await rig.Rest.SendAsync(DiscordRoute.CreateMessage(Channel), new { Content = "GLM-4.5" }, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.Status);
        Assert.True(response.RetryAt > DateTimeOffset.UtcNow.AddSeconds(50));
        Assert.Equal(DiscordOutcome.RateLimited, next.Outcome);
        Assert.Single(rig.Server.State.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task SendAsync_BucketEmptyAndNoWaitAllowed_AnswersWaitUntilWithoutSending()
    {
        await using var rig = await DiscordClientRig.StartAsync(fake => fake with { Messages = new(2, TimeSpan.FromSeconds(30)) });
        for (var i = 0; i < 2; i++)
        {
            await rig.Rest.SendAsync(DiscordRoute.CreateMessage(Channel), new { Content = $"m{i}" }, CancellationToken.None);
        }

        var response = await rig.Rest.SendAsync(DiscordRoute.CreateMessage(Channel), new { Content = "m2" }, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(DiscordOutcome.RateLimited, response.Outcome);
        Assert.True(response.RetryAt > DateTimeOffset.UtcNow.AddSeconds(20));
        Assert.Equal(2, rig.Server.State.MessagesIn(Channel).Count);
        Assert.Equal(0, rig.Server.State.TooManyRequestsCount);
    }

    [Fact]
    public async Task SendAsync_StormOf403_GuardRefusesPastTheLimitAndLogsOnce()
    {
        await using var rig = await DiscordClientRig.StartAsync(client: o => o.InvalidRequestLimit = 5);
        rig.Server.State.FailNext(Channel, FakeDiscordFailure.MissingPermissions(), times: 20);

        var outcomes = new List<DiscordResponse>();
        for (var i = 0; i < 20; i++)
        {
            outcomes.Add(await rig.Rest.SendAsync(DiscordRoute.CreateMessage(Channel), new { Content = "x" }, CancellationToken.None));
        }

        Assert.Equal(5, outcomes.Count(r => r is { Status: HttpStatusCode.Forbidden, ErrorCode: 50013 }));
        Assert.Equal(15, outcomes.Count(r => r.Outcome == DiscordOutcome.Refused));
        Assert.Equal(5, rig.Server.State.InvalidRequestCount);
        Assert.Single(rig.Logs.GetSnapshot(), r => r.Id.Id == 5120 && r.Level == LogLevel.Error);
    }

    [Fact]
    public async Task SendAsync_NobodyListening_ReturnsTransportFailureInsteadOfThrowing()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var rig = await DiscordClientRig.StartAsync(client: o => o.ApiBaseUrl = $"http://127.0.0.1:{port}/api/v10");

        var response = await rig.Rest.SendAsync(DiscordRoute.CreateMessage(Channel), new { Content = "x" }, CancellationToken.None);

        Assert.Equal(DiscordOutcome.TransportFailure, response.Outcome);
        Assert.True(response.IsTransient);
        Assert.NotNull(response.TransportError);
    }

    [Fact]
    public async Task SendAsync_UnknownChannel_CarriesCode10003()
    {
        await using var rig = await DiscordClientRig.StartAsync();

        var response = await rig.Rest.SendAsync(DiscordRoute.CreateMessage(42), new { Content = "x" }, CancellationToken.None);

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal(10003, response.ErrorCode);
    }

    private static FakeDiscordFailure TooManyRequests(string scope, double seconds) => new(429, new JsonObject
    {
        ["message"] = "You are being rate limited.",
        ["retry_after"] = seconds,
        ["global"] = scope == "global",
    })
    {
        Scope = scope,
        RetryAfterSeconds = seconds,
    };
}
