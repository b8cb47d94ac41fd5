using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ReleaseBot.Testing.FakeDiscord;
using ReleaseBot.Web;

namespace ReleaseBot.Tests.Discord;

/// <summary>The signed HTTP interactions endpoint on the shared web listener, with the real host pieces behind it.</summary>
public sealed class DiscordInteractionsEndpointTests : IAsyncLifetime
{
    private const string EndpointPath = "/discord/interactions";
    private readonly FakeDiscordSigner _signer = new();
    private readonly HttpClient _http = new();
    private DiscordBotRig _rig = null!;
    private Uri _endpoint = null!;

    public async Task InitializeAsync()
    {
        _rig = await DiscordBotRig.CreateAsync();
        _rig.Bot.Settings["ReleaseBot:Discord:InteractionsEndpoint"] = EndpointPath;
        _rig.Bot.Settings["ReleaseBot:Discord:PublicKey"] = _signer.PublicKeyHex;
        _rig.Bot.Settings["ReleaseBot:Web:ListenUrl"] = "http://127.0.0.1:0";
        await _rig.StartAsync();
        var listening = await _rig.Bot.Services.GetRequiredService<WebhookListener>().ListeningAsync;
        _endpoint = new Uri(listening, EndpointPath);
    }

    public async Task DisposeAsync()
    {
        await _rig.DisposeAsync();
        _http.Dispose();
        _signer.Dispose();
    }

    [Fact]
    public async Task Ping_ValidSignature_Pong()
    {
        var (status, body) = await PostAsync("""{"type":1,"id":"1","application_id":"1030118727418646629","token":"x"}""", b => _signer.Sign(b));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, JsonNode.Parse(body)!["type"]!.GetValue<int>());
    }

    [Fact]
    public async Task Command_ValidSignature_AnsweredInTheResponseBody()
    {
        var (status, body) = await PostAsync(Command(1001, "latest"), b => _signer.Sign(b));

        Assert.Equal(HttpStatusCode.OK, status);
        var answer = JsonNode.Parse(body)!;
        Assert.Equal(4, answer["type"]!.GetValue<int>());
        Assert.Contains("Qwen3-Coder", answer["data"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_WrongSignature_401AndNotAnswered()
    {
        var (status, body) = await PostAsync(Command(1002, "latest"), _signer.SignWrong);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.DoesNotContain("Qwen3", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_OtherApplicationsKey_401()
    {
        var (status, _) = await PostAsync(Command(1003, "help"), FakeDiscordSigner.SignWithOtherKey);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Command_StaleTimestamp_401()
    {
        var (status, _) = await PostAsync(Command(1004, "help"), b => _signer.SignStale(b, TimeSpan.FromMinutes(10)));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Request_NoSignatureHeaders_401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new StringContent("""{"type":1}""", Encoding.UTF8, "application/json") };
        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static string Command(ulong id, string name) => new JsonObject
    {
        ["type"] = 2,
        ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["application_id"] = "1030118727418646629",
        ["token"] = "aW50ZXJhY3Rpb24http" + id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["guild_id"] = DiscordBotRig.GuildId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["channel_id"] = DiscordBotRig.ChannelId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["member"] = new JsonObject
        {
            ["user"] = new JsonObject { ["id"] = "53908232506183680", ["username"] = "mason" },
            ["permissions"] = FakeDiscordPermissions.All.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
        ["data"] = new JsonObject { ["id"] = "1", ["name"] = name, ["type"] = 1 },
        ["locale"] = "en-US",
        ["context"] = 0,
    }.ToJsonString();

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string body, Func<string, FakeSignedHeaders> sign)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        sign(body).ApplyTo(request);
        using var response = await _http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
