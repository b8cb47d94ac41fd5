using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ReleaseBot.Telegram.Receiving;
using ReleaseBot.Testing.FakeTelegram;
using ReleaseBot.Testing.Store;
using ReleaseBot.Web;

namespace ReleaseBot.Tests.Telegram;

/// <summary>Webhook mode: the webhook is registered with its secret, and POSTed updates are checked, answered and de-duplicated.</summary>
public sealed class TelegramWebhookEndToEndTests : IAsyncLifetime
{
    private const long Admin = 7001;
    private const string PublicUrl = "https://bot.example.org/telegram/hook";
    private const string Secret = "hook_SECRET-42";
    private readonly TempDirectory _folder = new();
    private readonly HttpClient _http = new();
    private FakeTelegramServer _fake = null!;
    private TelegramHarness _bot = null!;
    private Uri _endpoint = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeTelegramServer.StartAsync(new FakeTelegramOptions().Scaled(10));
        _fake.State.AddPrivateChat(Admin);
        _bot = new TelegramHarness(_fake, _folder.Path).WithLimitsOfFake();
        _bot.Settings["ReleaseBot:Telegram:Mode"] = "webhook";
        _bot.Settings["ReleaseBot:Telegram:WebhookUrl"] = PublicUrl;
        _bot.Settings["ReleaseBot:Telegram:WebhookSecret"] = Secret;
        _bot.Settings["ReleaseBot:Telegram:WebhookListenUrl"] = "http://127.0.0.1:0";
        await _bot.StartAsync();

        var listening = await _bot.Services.GetRequiredService<WebhookListener>().ListeningAsync;
        Assert.True(await TelegramHarness.WaitUntilAsync(() => _fake.State.WebhookUrl is not null));
        _endpoint = new Uri(listening, new Uri(PublicUrl).AbsolutePath);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _bot.DisposeAsync();
        await _fake.DisposeAsync();
        _folder.Dispose();
    }

    private Task<HttpStatusCode> PostAsync(JsonObject update, string? secret) =>
        PostAsync(new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json"), secret);

    private async Task<HttpStatusCode> PostAsync(HttpContent content, string? secret)
    {
        // Expect: 100-continue: a refused body is then never sent, and the client sees the 413 rather than a reset connection.
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = content, Headers = { ExpectContinue = true } };
        if (secret is not null)
        {
            request.Headers.Add(TelegramWebhookService.SecretHeader, secret);
        }

        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    private static JsonObject Command(int updateId, string text)
    {
        var update = TelegramUpdates.PrivateCommand(Admin, text);
        update["update_id"] = updateId;
        return update;
    }

    [Fact]
    public void Start_WebhookMode_RegistersUrlAndSecret()
    {
        Assert.Equal(PublicUrl, _fake.State.WebhookUrl);
        Assert.Equal(Secret, _fake.State.WebhookSecret);
    }

    [Fact]
    public async Task Post_RightSecret_IsAnswered()
    {
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Command(500, "/help"), Secret));

        Assert.Single(_fake.State.SentTo(Admin));
    }

    [Theory]
    [InlineData("hook_SECRET-43")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Post_WrongOrMissingSecret_Is401AndNotAnswered(string? secret)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(Command(500, "/help"), secret));

        // The same update with the right secret is then handled: the refused one neither answered nor consumed it.
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Command(500, "/settings"), Secret));
        // Updates are answered before the POST is acknowledged, so the count is final here.
        Assert.Single(_fake.State.SentTo(Admin));
    }

    [Fact]
    public async Task Post_RepeatedUpdateId_AnsweredOnce()
    {
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Command(600, "/help"), Secret));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Command(600, "/help"), Secret));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Command(601, "/settings"), Secret));

        // Updates are answered before the POST is acknowledged, so the count is final here.
        Assert.Equal(2, _fake.State.SentTo(Admin).Count);
    }

    public static TheoryData<string, HttpStatusCode> Hostile => new()
    {
        { "not json at all", HttpStatusCode.BadRequest },
        { new string('[', 10_000) + new string(']', 10_000), HttpStatusCode.BadRequest },
        // JSON, but no update: passed over (logged) with 200, so that Telegram does not send it again.
        { """{"update_id":700,"message":{"message_id":"one","date":"yesterday","chat":{"id":"x"}}}""", HttpStatusCode.OK },
        { """{"update_id":701,"message":{"message_id":1,"date":1,"chat":{"id":7001,"type":"private"},"text":["/help"]}}""", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Post_HostileBody_RefusedOrPassedOverAndTheNextUpdateAnswered(string body, HttpStatusCode expected)
    {
        Assert.Equal(expected, await PostAsync(new StringContent(body, Encoding.UTF8, "application/json"), Secret));

        Assert.Equal(HttpStatusCode.OK, await PostAsync(Command(702, "/help"), Secret));
        Assert.Single(_fake.State.SentTo(Admin));
    }

    [Fact]
    public async Task Post_50MegabyteBody_Is413UnreadAndTheNextUpdateAnswered()
    {
        var body = new byte[50 << 20];
        Array.Fill(body, (byte)' ');

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await PostAsync(new ByteArrayContent(body), Secret));

        Assert.Equal(HttpStatusCode.OK, await PostAsync(Command(703, "/help"), Secret));
        Assert.Single(_fake.State.SentTo(Admin));
    }
}
