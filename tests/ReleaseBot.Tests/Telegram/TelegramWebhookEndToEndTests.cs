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

    private async Task<HttpStatusCode> PostAsync(JsonObject update, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json"),
        };
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
}
