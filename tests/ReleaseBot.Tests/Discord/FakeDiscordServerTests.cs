using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using ReleaseBot.Testing.FakeDiscord;

namespace ReleaseBot.Tests.Discord;

/// <summary>The fake Discord's REST side answers like reference/discord.md documents, so clients tested against it hold up.</summary>
public sealed class FakeDiscordServerTests : IAsyncLifetime
{
    private const ulong Guild = 967500967257968680;
    private const ulong Channel = 967500967971028994;
    private const ulong Other = 1005158556217122927;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 7, 31, 12, 0, 0, TimeSpan.Zero));
    private FakeDiscordServer _fake = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var channels = Enumerable.Range(1, 60).Select(i => 1_000_000UL + (ulong)i).Prepend(Other).Prepend(Channel).ToArray();
        _fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions
        {
            Time = _time,
            Guilds = [FakeDiscordGuild.Create(Guild, "Releases", channels)],
        });
        _http = new HttpClient();
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("DiscordBot (https://example.org/releasebot, 0.1)");
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", _fake.Token);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task CreateMessage_OverTheLimits_Answers50035WithTheFieldPaths()
    {
        var tooLong = await PostAsync(Channel, new JsonObject { ["content"] = new string('x', 2001) });
        var badEmbed = await PostAsync(Channel, new JsonObject
        {
            ["embeds"] = new JsonArray(new JsonObject { ["title"] = new string('t', 257), ["fields"] = new JsonArray(new JsonObject { ["name"] = "n" }) }),
        });
        var tooBig = await PostAsync(Channel, new JsonObject
        {
            ["embeds"] = new JsonArray([.. Enumerable.Range(0, 2).Select(_ => (JsonNode)new JsonObject { ["description"] = new string('d', 3001) })]),
        });
        var empty = await PostAsync(Other, new JsonObject { ["content"] = string.Empty });

        Assert.Equal("BASE_TYPE_MAX_LENGTH", tooLong.Body["errors"]!["content"]!["_errors"]![0]!["code"]!.ToString());
        Assert.Equal(50035, badEmbed.Body["code"]!.GetValue<int>());
        Assert.NotNull(badEmbed.Body["errors"]!["embeds"]!["0"]!["title"]);
        Assert.Equal("BASE_TYPE_REQUIRED", badEmbed.Body["errors"]!["embeds"]!["0"]!["fields"]!["0"]!["value"]!["_errors"]![0]!["code"]!.ToString());
        Assert.Equal("MAX_EMBED_SIZE_EXCEEDED", tooBig.Body["errors"]!["embeds"]!["_errors"]![0]!["code"]!.ToString());
        Assert.Equal((HttpStatusCode.BadRequest, 50006), (empty.Status, empty.Body["code"]!.GetValue<int>()));
        Assert.Empty(_fake.State.Messages);
    }

    [Fact]
    public async Task CreateMessage_SameNonceEnforced_ReturnsTheExistingMessageAndCreatesNothing()
    {
        JsonObject Body() => new()
        {
            ["content"] = "Qwen3 released",
            ["nonce"] = "r1-s7",
            ["enforce_nonce"] = true,
            ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
        };

        var first = await PostAsync(Channel, Body());
        var retry = await PostAsync(Channel, Body());
        _time.Advance(_fake.State.Options.NonceWindow);
        var late = await PostAsync(Channel, Body());

        Assert.Equal(first.Body["id"]!.ToString(), retry.Body["id"]!.ToString());
        Assert.NotEqual(first.Body["id"]!.ToString(), late.Body["id"]!.ToString());
        var messages = _fake.State.MessagesIn(Channel);
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.True(m.MentionsNobody));
        Assert.Equal("r1-s7", messages[0].Nonce);
    }

    [Fact]
    public async Task CreateMessage_ChannelBucketExhausted_Answers429WithRetryAfterWhileOtherChannelsGoOn()
    {
        var remaining = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var ok = await PostAsync(Channel, new JsonObject { ["content"] = $"m{i}" });
            remaining.Add(ok.Headers.GetValues("X-RateLimit-Remaining").Single());
        }

        var limited = await PostAsync(Channel, new JsonObject { ["content"] = "m5" });
        var elsewhere = await PostAsync(Other, new JsonObject { ["content"] = "x" });
        _time.Advance(TimeSpan.FromSeconds(5));
        var later = await PostAsync(Channel, new JsonObject { ["content"] = "m5" });

        Assert.Equal(["4", "3", "2", "1", "0"], remaining);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal("user", limited.Headers.GetValues("X-RateLimit-Scope").Single());
        Assert.Equal("5", limited.Headers.GetValues("Retry-After").Single());
        Assert.Equal(5.0, limited.Body["retry_after"]!.GetValue<double>());
        Assert.False(limited.Body["global"]!.GetValue<bool>());
        Assert.Equal(limited.Headers.GetValues("X-RateLimit-Bucket").Single(), elsewhere.Headers.GetValues("X-RateLimit-Bucket").Single());
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (elsewhere.Status, later.Status));
        Assert.Equal(6, _fake.State.MessagesIn(Channel).Count);
        Assert.Equal(1, _fake.State.InvalidRequestCount);
    }

    [Fact]
    public async Task GlobalLimit_IsARollingSecondNotAWindowThatResets()
    {
        var channels = Enumerable.Range(1, 60).Select(i => 1_000_000UL + (ulong)i).ToArray();
        for (var i = 0; i < 25; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await GetChannelAsync(channels[i])).Status);
        }

        _time.Advance(TimeSpan.FromMilliseconds(600));
        for (var i = 25; i < 50; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await GetChannelAsync(channels[i])).Status);
        }

        var fiftyFirst = await GetChannelAsync(channels[50]);
        _time.Advance(TimeSpan.FromMilliseconds(500));
        var afterFirstHalfLeft = new List<HttpStatusCode>();
        for (var i = 0; i < 26; i++)
        {
            afterFirstHalfLeft.Add((await GetChannelAsync(channels[30 + i])).Status);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, fiftyFirst.Status);
        Assert.Equal("global", fiftyFirst.Headers.GetValues("X-RateLimit-Scope").Single());
        Assert.Equal("true", fiftyFirst.Headers.GetValues("X-RateLimit-Global").Single());
        Assert.True(fiftyFirst.Body["global"]!.GetValue<bool>());
        Assert.Equal(25, afterFirstHalfLeft.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, afterFirstHalfLeft[^1]);
        Assert.Equal(2, _fake.State.GlobalLimitHits);
    }

    [Fact]
    public async Task Request_WithoutBotToken_Answers401AndCountsAnInvalidRequest()
    {
        using var anonymous = new HttpClient();
        anonymous.DefaultRequestHeaders.UserAgent.ParseAdd("DiscordBot (https://example.org/releasebot, 0.1)");
        var response = await anonymous.GetAsync(new Uri($"{_fake.BaseUrl}/channels/{Channel}"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, body["code"]!.GetValue<int>());
        Assert.Equal(1, _fake.State.InvalidRequestCount);
    }

    [Fact]
    public async Task ScriptedFailures_AnswerTheirCodesAndOnlyNonSharedOnesCountAsInvalid()
    {
        _fake.State.FailNext(Channel, FakeDiscordFailure.MissingPermissions());
        _fake.State.FailNext(Channel, FakeDiscordFailure.SharedRateLimit(1.5));
        _fake.State.FailNext(Channel, FakeDiscordFailure.UnknownChannel());

        var forbidden = await PostAsync(Channel, new JsonObject { ["content"] = "a" });
        var shared = await PostAsync(Channel, new JsonObject { ["content"] = "a" });
        var gone = await PostAsync(Channel, new JsonObject { ["content"] = "a" });

        Assert.Equal((HttpStatusCode.Forbidden, 50013), (forbidden.Status, forbidden.Body["code"]!.GetValue<int>()));
        Assert.Equal("shared", shared.Headers.GetValues("X-RateLimit-Scope").Single());
        Assert.Equal((HttpStatusCode.NotFound, 10003), (gone.Status, gone.Body["code"]!.GetValue<int>()));
        Assert.Equal(1, _fake.State.InvalidRequestCount);
        Assert.Equal(1, _fake.State.TooManyRequestsCount);
    }

    [Fact]
    public async Task CreateMessage_ChannelDeniesSendMessages_Answers50013FromTheOverwrites()
    {
        _fake.State.SetChannel(new FakeDiscordChannel(Other, Guild, "read-only", FakeDiscordChannel.GuildText)
        {
            PermissionOverwrites = [FakeDiscordOverwrite.Role(Guild, deny: FakeDiscordPermissions.SendMessages)],
        });

        var denied = await PostAsync(Other, new JsonObject { ["content"] = "a" });
        var channel = await GetChannelAsync(Other);

        Assert.Equal(50013, denied.Body["code"]!.GetValue<int>());
        Assert.Equal("2048", channel.Body["permission_overwrites"]![0]!["deny"]!.ToString());
    }

    [Fact]
    public async Task PutCommands_InvalidDefinitions_Answers50035AndValidOnesKeepTheirIds()
    {
        var bad = new JsonArray(new JsonObject
        {
            ["name"] = "Latest",
            ["description"] = new string('d', 101),
            ["options"] = new JsonArray(
                new JsonObject { ["type"] = 3, ["name"] = "vendor", ["description"] = "Vendor" },
                new JsonObject { ["type"] = 4, ["name"] = "count", ["description"] = "How many", ["required"] = true }),
        });
        var good = new JsonArray(
            new JsonObject { ["name"] = "latest", ["description"] = "Show the latest model releases", ["contexts"] = new JsonArray(0) },
            new JsonObject { ["name"] = "subscribe", ["description"] = "Post new releases here", ["default_member_permissions"] = "16" });

        var rejected = await PutAsync(bad);
        var first = await PutAsync(good);
        var throttled = await PutAsync(good);
        _time.Advance(_fake.State.Options.Commands.Window);
        var second = await PutAsync(good);

        var errors = rejected.Body["errors"]!["0"]!;
        Assert.NotNull(errors["name"]);
        Assert.NotNull(errors["description"]);
        Assert.Equal("APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", errors["options"]!["_errors"]![0]!["code"]!.ToString());
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.Status);
        Assert.Equal(first.Body[0]!["id"]!.ToString(), second.Body[0]!["id"]!.ToString());
        Assert.Equal(2, _fake.State.GlobalCommands.Count);
        Assert.Equal("16", _fake.State.GlobalCommands[1]!["default_member_permissions"]!.ToString());
    }

    private async Task<(HttpStatusCode Status, JsonNode Body, HttpResponseHeaders Headers)> PostAsync(ulong channelId, JsonObject body)
    {
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return await ReadAsync(await _http.PostAsync(new Uri($"{_fake.BaseUrl}/channels/{channelId}/messages"), content));
    }

    private async Task<(HttpStatusCode Status, JsonNode Body, HttpResponseHeaders Headers)> PutAsync(JsonArray commands)
    {
        using var content = new StringContent(commands.ToJsonString(), Encoding.UTF8, "application/json");
        return await ReadAsync(await _http.PutAsync(new Uri($"{_fake.BaseUrl}/applications/{_fake.ApplicationId}/commands"), content));
    }

    private async Task<(HttpStatusCode Status, JsonNode Body, HttpResponseHeaders Headers)> GetChannelAsync(ulong channelId) =>
        await ReadAsync(await _http.GetAsync(new Uri($"{_fake.BaseUrl}/channels/{channelId}")));

    private static async Task<(HttpStatusCode Status, JsonNode Body, HttpResponseHeaders Headers)> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!, response.Headers);
        }
    }
}
