using ReleaseBot.Testing.FakeDiscord;
using ReleaseBot.Testing.FakeHub;
using ReleaseBot.Testing.FakeTelegram;
using ReleaseBot.Testing.Hosting;
using ReleaseBot.Testing.Store;

namespace ReleaseBot.Tests.Security;

/// <summary>
/// Issue 10: the real bot as a child process with every platform on and every log category at Trace, through commands on
/// Telegram and Discord, an announcement on both, failed sends and a webhook with a wrong secret: no canary secret appears
/// in any line it wrote, nor in any message it sent.
/// </summary>
public sealed class FullRunSecretLeakTests : IDisposable
{
    private const string TelegramToken = "7357911:CANARYtelegramQ1w2";
    private const string DiscordToken = "MTAzMDExODcyNzQxODY0NjYyOQ.CANARY.discordE3r4";
    private const string HubToken = "hf_CANARYhubT5y6";
    private const string HubWebhookSecret = "CANARYwebhookU7i8";
    private const long Admin = 7001;
    private const ulong GuildId = 81384788765712384;
    private const ulong ChannelId = 81384788765712385;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task FullRun_AllPlatformsAtTrace_NoSecretInAnyLogLineOrMessage()
    {
        await using var hub = await FakeHubServer.StartAsync();
        hub.ExpectedToken = HubToken;
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { Token = TelegramToken });
        telegram.State.AddPrivateChat(Admin);
        await using var discord = await FakeDiscordServer.StartAsync(new FakeDiscordOptions
        {
            Token = DiscordToken,
            Guilds = [FakeDiscordGuild.Create(GuildId, "Open Models", ChannelId)],
            IdentifyLimit = null,
        });
        var web = $"http://127.0.0.1:{LoopbackPort.Free()}";
        await using var bot = BotProcess.Start(_dir.Path, Settings(hub, telegram, discord, web));

        await bot.WaitUntilAsync(() => discord.Gateway.IsLive && hub.CountRequests("author=Qwen&") >= 1, "Discord live and a first Hub poll");
        telegram.State.Enqueue(TelegramUpdates.PrivateCommand(Admin, "/subscribe qwen"));
        var subscribe = await discord.Gateway.DispatchSlashCommandAsync(ChannelId, "subscribe");
        await bot.WaitUntilAsync(() => telegram.State.SentTo(Admin).Count >= 1 && discord.State.OriginalResponse(subscribe.Id) is not null,
            "both subscriptions confirmed");

        using var http = new HttpClient();
        var refused = await FakeHubWebhooks.SendAsync(http, new Uri(web + "/hf-webhook"), FakeHubWebhooks.RepoCreated("Qwen/X"), "wrong-" + HubWebhookSecret);
        telegram.State.FailNext(Admin, FakeFailure.ServerError());
        discord.State.FailNext(ChannelId, FakeDiscordFailure.ServerError());
        hub.Add(FakeHubSamples.Model("Qwen/Qwen3-Canary-8B", "2025-08-01T00:00:00Z"));
        // The webhook with the right secret brings it at once (the polls would, within the Hub quota's share).
        var accepted = await FakeHubWebhooks.SendAsync(http, new Uri(web + "/hf-webhook"), FakeHubWebhooks.RepoCreated("Qwen/Qwen3-Canary-8B"), HubWebhookSecret);
        await bot.WaitUntilAsync(
            () => telegram.State.SentTo(Admin).Any(m => m.Text.Contains("Qwen3-Canary-8B", StringComparison.Ordinal))
                && discord.State.MessagesIn(ChannelId).Count >= 1,
            "the announcement on both platforms after one failed send each");

        Assert.Equal(401, refused);
        Assert.Equal(204, accepted);
        var lines = (bot.StandardOutput + bot.StandardError).Split('\n');
        // Trace really was on (the host's, Kestrel's and the bot's own debug lines), and the refused webhook was logged.
        Assert.Contains(lines, l => l.StartsWith("trce:", StringComparison.Ordinal));
        Assert.True(lines.Count(l => l.StartsWith("dbug:", StringComparison.Ordinal)) >= 10);
        Assert.Contains(lines, l => l.Contains("WebhookReceiver[3302]", StringComparison.Ordinal));
        string[] canaries = [TelegramToken, "CANARYtelegramQ1w2", DiscordToken, "CANARY.discordE3r4", HubToken, HubWebhookSecret, subscribe.Token];
        SecretAssert.NotIn(lines, canaries);
        SecretAssert.NotIn(telegram.State.SentMessages.Select(m => m.Text), canaries);
        SecretAssert.NotIn(discord.State.MessagesIn(ChannelId).Select(m => (m.Content ?? "") + m.Embeds.ToJsonString()), canaries);
    }


    private static Dictionary<string, string?> Settings(FakeHubServer hub, FakeTelegramServer telegram, FakeDiscordServer discord, string web)
    {
        var settings = BotSettings.Defaults("data/bot.db");
        foreach (var category in new[] { "Default", "ReleaseBot", "Microsoft", "Microsoft.Hosting.Lifetime", "System", "System.Net.Http.HttpClient" })
        {
            settings[$"Logging:LogLevel:{category}"] = "Trace";
        }

        settings["ReleaseBot:Seed:Enabled"] = "true";
        settings["ReleaseBot:HuggingFace:Enabled"] = "true";
        settings["ReleaseBot:HuggingFace:BaseUrl"] = hub.BaseUrl.ToString();
        settings["ReleaseBot:HuggingFace:Token"] = HubToken;
        settings["ReleaseBot:HuggingFace:PollInterval"] = "00:00:02";
        settings["ReleaseBot:HuggingFace:Webhook:Enabled"] = "true";
        settings["ReleaseBot:HuggingFace:Webhook:Secret"] = HubWebhookSecret;
        settings["ReleaseBot:Web:ListenUrl"] = web;
        settings["ReleaseBot:Telegram:Token"] = TelegramToken;
        settings["ReleaseBot:Telegram:ApiBaseUrl"] = telegram.BaseUrl;
        settings["ReleaseBot:Telegram:LongPollTimeout"] = "00:00:01";
        settings["ReleaseBot:Discord:Token"] = DiscordToken;
        settings["ReleaseBot:Discord:ApiBaseUrl"] = discord.BaseUrl;
        settings["ReleaseBot:Dispatch:PollInterval"] = "00:00:00.100";
        settings["ReleaseBot:Dispatch:BaseBackoff"] = "00:00:00.200";
        return settings;
    }
}
