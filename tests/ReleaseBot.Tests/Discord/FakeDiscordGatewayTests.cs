using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using ReleaseBot.Testing.FakeDiscord;

namespace ReleaseBot.Tests.Discord;

/// <summary>The fake Gateway follows the documented lifecycle, and its interactions enforce the callback rules.</summary>
public sealed class FakeDiscordGatewayTests : IAsyncLifetime
{
    private const ulong Guild = 967500967257968680;
    private const ulong Channel = 967500967971028994;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 7, 31, 12, 0, 0, TimeSpan.Zero));
    private FakeDiscordServer _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions
    {
        Time = _time,
        EnforceHeartbeatTimeout = false,
        IdentifyLimit = null,
        Guilds = [FakeDiscordGuild.Create(Guild, "Releases", Channel)],
    });

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task Identify_AfterHello_SendsReadyThenGuildCreateWithChannels()
    {
        await using var client = await RawGatewayClient.ConnectAsync(_fake.Gateway.Url);
        var hello = await client.ReceiveAsync();
        await client.SendAsync(new JsonObject
        {
            ["op"] = 2,
            ["d"] = new JsonObject { ["token"] = _fake.Token, ["intents"] = 1, ["properties"] = new JsonObject { ["os"] = "linux", ["browser"] = "b", ["device"] = "d" } },
        });
        var ready = await client.ReceiveAsync();
        var guild = await client.ReceiveAsync();

        Assert.Equal(500, hello!["d"]!["heartbeat_interval"]!.GetValue<int>());
        Assert.Equal(("READY", 1), (ready!["t"]!.ToString(), ready["s"]!.GetValue<int>()));
        Assert.Equal(_fake.Gateway.ResumeUrl, ready["d"]!["resume_gateway_url"]!.ToString());
        Assert.Equal(_fake.ApplicationId.ToString(System.Globalization.CultureInfo.InvariantCulture), ready["d"]!["application"]!["id"]!.ToString());
        Assert.True(ready["d"]!["guilds"]![0]!["unavailable"]!.GetValue<bool>());
        Assert.Equal(("GUILD_CREATE", 2), (guild!["t"]!.ToString(), guild["s"]!.GetValue<int>()));
        Assert.Equal(Channel.ToString(System.Globalization.CultureInfo.InvariantCulture), guild["d"]!["channels"]![0]!["id"]!.ToString());
        Assert.Equal(1, _fake.Gateway.IdentifyCount);
        Assert.Equal(1UL, _fake.Gateway.Identifies[0]["intents"]!.GetValue<ulong>());
        Assert.Null(_fake.Gateway.Identifies[0]["token"]);
    }

    [Fact]
    public async Task Heartbeat_IsAckedUntilScriptedToDrop()
    {
        await using var client = await RawGatewayClient.ConnectAsync(_fake.Gateway.Url);
        await client.IdentifyAsync(_fake.Token, guilds: 1);

        await client.SendAsync(new JsonObject { ["op"] = 1, ["d"] = 2 });
        var ack = await client.ReceiveAsync();
        _fake.Gateway.DropHeartbeatAcks = true;
        await client.SendAsync(new JsonObject { ["op"] = 1, ["d"] = 2 });
        await _fake.State.WaitUntilAsync(_ => _fake.Gateway.Heartbeats.Count == 2, CancellationToken.None);
        await _fake.Gateway.RequestHeartbeatAsync();
        var next = await client.ReceiveAsync();

        Assert.Equal(11, ack!["op"]!.GetValue<int>());
        Assert.Equal(1, next!["op"]!.GetValue<int>());
    }

    [Fact]
    public async Task Resume_AfterDrop_ReplaysMissedDispatchesThenResumed()
    {
        var first = await RawGatewayClient.ConnectAsync(_fake.Gateway.Url);
        var ready = await first.IdentifyAsync(_fake.Token, guilds: 1);
        await _fake.Gateway.WaitUntilLiveAsync(CancellationToken.None);
        _fake.Gateway.DropConnection();
        await first.DisposeAsync();
        await _fake.State.WaitUntilAsync(_ => !_fake.Gateway.IsLive, CancellationToken.None);
        var missed = await _fake.Gateway.DispatchSlashCommandAsync(Channel, "latest");

        await using var second = await RawGatewayClient.ConnectAsync(ready["resume_gateway_url"]!.ToString());
        await second.ReceiveAsync();
        await second.SendAsync(new JsonObject
        {
            ["op"] = 6,
            ["d"] = new JsonObject { ["token"] = _fake.Token, ["session_id"] = ready["session_id"]!.DeepClone(), ["seq"] = 2 },
        });
        var replayed = await second.ReceiveAsync();
        var resumed = await second.ReceiveAsync();

        Assert.Equal(("INTERACTION_CREATE", 3), (replayed!["t"]!.ToString(), replayed["s"]!.GetValue<int>()));
        Assert.Equal(missed.Token, replayed["d"]!["token"]!.ToString());
        Assert.Equal(("RESUMED", 4), (resumed!["t"]!.ToString(), resumed["s"]!.GetValue<int>()));
        Assert.StartsWith("/gateway-resume?v=10", _fake.Gateway.ConnectedPaths[1], StringComparison.Ordinal);
        Assert.Equal((1, 1), (_fake.Gateway.IdentifyCount, _fake.Gateway.ResumeCount));
    }

    [Fact]
    public async Task ScriptedClose_FatalCodeEndsTheSessionAndRecoverableCodeKeepsIt()
    {
        await using var first = await RawGatewayClient.ConnectAsync(_fake.Gateway.Url);
        var ready = await first.IdentifyAsync(_fake.Token, guilds: 1);
        await _fake.Gateway.CloseAsync(4000);
        var recoverable = await first.ReadUntilClosedAsync();

        await using var second = await RawGatewayClient.ConnectAsync(_fake.Gateway.ResumeUrl);
        await second.ReceiveAsync();
        await second.SendAsync(Resume(ready));
        var resumed = await second.ReceiveAsync();
        await _fake.Gateway.CloseAsync(4004);
        var fatal = await second.ReadUntilClosedAsync();

        await using var third = await RawGatewayClient.ConnectAsync(_fake.Gateway.ResumeUrl);
        await third.ReceiveAsync();
        await third.SendAsync(Resume(ready));
        var invalid = await third.ReceiveAsync();

        Assert.Equal(4000, recoverable);
        Assert.Equal("RESUMED", resumed!["t"]!.ToString());
        Assert.Equal(4004, fatal);
        Assert.Equal((9, false), (invalid!["op"]!.GetValue<int>(), invalid["d"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Identify_WrongTokenOrPrivilegedIntent_ClosesWithTheDocumentedCode()
    {
        await using var wrongToken = await RawGatewayClient.ConnectAsync(_fake.Gateway.Url);
        await wrongToken.IdentifyAsync("not-the-token", guilds: 0);
        await using var privileged = await RawGatewayClient.ConnectAsync(_fake.Gateway.Url);
        await privileged.IdentifyAsync(_fake.Token, guilds: 0, intents: 1 | (1 << 15));

        Assert.Equal(4004, await wrongToken.ReadUntilClosedAsync());
        Assert.Equal(4014, await privileged.ReadUntilClosedAsync());
    }

    [Fact]
    public async Task Callback_OnceWithinThreeSeconds_IsAcceptedAndLateOrTwiceIsRefused()
    {
        await using var client = await RawGatewayClient.ConnectAsync(_fake.Gateway.Url);
        await client.IdentifyAsync(_fake.Token, guilds: 1);
        var onTime = await _fake.Gateway.DispatchSlashCommandAsync(Channel, "latest", [FakeCommandOption.String("vendor", "qwen")]);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.UserAgent.ParseAdd("DiscordBot (https://example.org/releasebot, 0.1)");

        var deferred = await CallbackAsync(http, onTime, new JsonObject { ["type"] = 5, ["data"] = new JsonObject { ["flags"] = 64 } });
        var twice = await CallbackAsync(http, onTime, new JsonObject { ["type"] = 4, ["data"] = new JsonObject { ["content"] = "x" } });
        using var edit = new StringContent("""{"content":"Qwen3 is out","allowed_mentions":{"parse":[]}}""", Encoding.UTF8, "application/json");
        var edited = await http.PatchAsync(new Uri($"{_fake.BaseUrl}/webhooks/{_fake.ApplicationId}/{onTime.Token}/messages/@original"), edit);
        var late = await _fake.Gateway.DispatchSlashCommandAsync(Channel, "latest");
        _time.Advance(TimeSpan.FromSeconds(3.1));
        var tooLate = await CallbackAsync(http, late, new JsonObject { ["type"] = 5 });

        Assert.Equal(HttpStatusCode.NoContent, deferred.Status);
        Assert.Equal((HttpStatusCode.BadRequest, 40060), (twice.Status, twice.Code));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("Qwen3 is out", _fake.State.OriginalResponse(onTime.Id)!.Content);
        Assert.True(_fake.State.CallbacksFor(onTime.Id)[0].Ephemeral);
        Assert.Equal((HttpStatusCode.NotFound, 10062), (tooLate.Status, tooLate.Code));
    }

    [Fact]
    public void Signer_SignsTimestampPlusBodyAndCanProduceWrongSignatures()
    {
        using var signer = new FakeDiscordSigner(_time);
        const string body = """{"type":1}""";

        var valid = signer.Sign(body);
        var stale = signer.SignStale(body, TimeSpan.FromHours(1));

        Assert.Equal(64, signer.PublicKeyHex.Length);
        Assert.True(signer.Verify(body, valid));
        Assert.True(signer.Verify(body, stale));
        Assert.Equal(_time.GetUtcNow().AddHours(-1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), stale.Timestamp);
        Assert.False(signer.Verify(body, signer.SignWrong(body)));
        Assert.False(signer.Verify(body + " ", valid));
        Assert.False(signer.Verify(body, FakeDiscordSigner.SignWithOtherKey(body)));
    }

    private JsonObject Resume(JsonObject ready) => new()
    {
        ["op"] = 6,
        ["d"] = new JsonObject { ["token"] = _fake.Token, ["session_id"] = ready["session_id"]!.DeepClone(), ["seq"] = 2 },
    };

    private async Task<(HttpStatusCode Status, int Code)> CallbackAsync(HttpClient http, FakeDiscordInteraction interaction, JsonObject body)
    {
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{_fake.BaseUrl}/interactions/{interaction.Id}/{interaction.Token}/callback")) { Content = content };
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? 0 : JsonNode.Parse(text)!["code"]!.GetValue<int>());
    }
}
