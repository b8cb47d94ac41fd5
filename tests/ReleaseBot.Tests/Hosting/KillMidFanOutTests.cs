using System.Diagnostics;
using System.Globalization;
using ReleaseBot.Core.Domain;
using ReleaseBot.LiteDb;
using ReleaseBot.Testing.Builders;
using ReleaseBot.Testing.FakeDiscord;
using ReleaseBot.Testing.FakeHub;
using ReleaseBot.Testing.FakeTelegram;
using ReleaseBot.Testing.Hosting;
using ReleaseBot.Testing.Store;
using Xunit.Abstractions;

namespace ReleaseBot.Tests.Hosting;

/// <summary>
/// Issue 10: the bot as a child process announces a new model (by Hub webhook) to 500 chats, is killed with SIGKILL at
/// one moment of the fan-out and started again on the same data file. Every chat gets the announcement; Telegram
/// repeats at most the sends in flight at the kill (bounded by <c>Dispatch:MaxConcurrency</c>), Discord none (nonce).
/// The fakes run their limits five times faster so a run takes seconds; the limits still hold as rolling windows.
/// </summary>
public sealed class KillMidFanOutTests(ITestOutputHelper output) : IDisposable
{
    public enum Moment
    {
        /// <summary>As soon as the Hub has answered the bot's model_info call: the release is being stored and planned.</summary>
        Planning,
        Early,
        Middle,
        Late,

        /// <summary>Halfway through the daily digest of 500 digest subscribers (due at start), not an announcement.</summary>
        Digest,
    }

    public static TheoryData<Moment> Moments => [Moment.Planning, Moment.Early, Moment.Middle, Moment.Late, Moment.Digest];

    /// <summary>Messages that have arrived when the bot is killed.</summary>
    private static int SentAtKill(Moment moment) => moment switch
    {
        Moment.Early => 25,
        Moment.Middle or Moment.Digest => 250,
        Moment.Late => 475,
        _ => 0,
    };

    private const int Chats = 500;
    private const int Scale = 5;
    private const int MaxConcurrency = 32;
    private const string Secret = "kill-test-webhook-secret";
    private const string Model = "Qwen/Qwen3-Kill-8B";
    private const string DigestModel = "Qwen/Qwen3-Digest-8B";
    private const ulong FirstGuild = 81384788765000000;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [MemberData(nameof(Moments))]
    public async Task Telegram_KilledMidFanOut_EveryChatGetsItOnceOrTwiceWithinTheSendsInFlight(Moment moment)
    {
        await using var hub = await StartHubAsync();
        var fakeOptions = new FakeTelegramOptions().Scaled(Scale);
        await using var telegram = await FakeTelegramServer.StartAsync(fakeOptions);
        var chats = Enumerable.Range(0, Chats).Select(i => 700_000L + i).ToList();
        foreach (var chat in chats)
        {
            telegram.State.AddPrivateChat(chat);
        }

        await PrepareStoreAsync(chats.Select(c => new SubscriptionBuilder(c.ToString(CultureInfo.InvariantCulture)).Build()), moment);
        var settings = Settings(hub);
        settings["ReleaseBot:Telegram:Token"] = telegram.Token;
        settings["ReleaseBot:Telegram:ApiBaseUrl"] = telegram.BaseUrl;
        settings["ReleaseBot:Telegram:LongPollTimeout"] = "00:00:01";
        foreach (var (key, value) in TelegramHarness.LimitsOf(fakeOptions))
        {
            settings[key] = value;
        }

        var figures = await KillAndRestartAsync(hub, settings, moment, Platform.Telegram, () =>
        {
            var sent = telegram.State.SentMessages.Where(m => m.Text.Contains(Marker(moment), StringComparison.Ordinal)).ToList();
            return chats.Select(c => sent.Count(m => m.ChatId == c)).ToList();
        }, live: () => true);

        Assert.Equal((Chats, 0), (figures.Delivered, figures.Lost));
        Assert.InRange(figures.Duplicated, 0, MaxConcurrency);
        Assert.Equal(0, telegram.State.TooManyRequestsCount);
    }

    [Theory]
    [MemberData(nameof(Moments))]
    public async Task Discord_KilledMidFanOut_EveryChannelGetsItExactlyOnce(Moment moment)
    {
        await using var hub = await StartHubAsync();
        var channels = Enumerable.Range(0, Chats).Select(i => FirstGuild + (ulong)(i / 50 * 1000) + 1 + (ulong)(i % 50)).ToList();
        var guilds = channels.GroupBy(c => (c - FirstGuild) / 1000)
            .Select(g => FakeDiscordGuild.Create(FirstGuild + g.Key * 1000, $"guild-{g.Key}", [.. g]))
            .ToList();
        await using var discord = await FakeDiscordServer.StartAsync(
            new FakeDiscordOptions { Guilds = guilds, IdentifyLimit = null }.Scaled(Scale));
        await PrepareStoreAsync(channels.Select(c => DiscordDeliveryHarness.Subscription(c)), moment);
        var settings = Settings(hub);
        settings["ReleaseBot:Discord:Token"] = discord.Token;
        settings["ReleaseBot:Discord:ApiBaseUrl"] = discord.BaseUrl;
        settings["ReleaseBot:Discord:GlobalRequestsPerSecond"] = discord.State.Options.Global.Count.ToString(CultureInfo.InvariantCulture);

        var figures = await KillAndRestartAsync(hub, settings, moment, Platform.Discord, () =>
        {
            var posted = discord.State.Messages.Where(m => (m.Content ?? "").Contains(Marker(moment), StringComparison.Ordinal)
                || m.Embeds.ToJsonString().Contains(Marker(moment), StringComparison.Ordinal)).ToList();
            return channels.Select(c => posted.Count(m => m.ChannelId == c)).ToList();
        }, live: () => discord.Gateway.IsLive);

        Assert.Equal((Chats, 0, 0), (figures.Delivered, figures.Lost, figures.Duplicated));
    }

    private sealed record Figures(int AtKill, int LandedAfterKill, int Delivered, int Lost, int Duplicated, TimeSpan Drain);

    /// <summary>
    /// Starts the bot, sends the webhook, kills the bot once <paramref name="moment"/> messages have arrived, starts it
    /// again and waits until every chat has the announcement (and a little longer, so a repeat would show).
    /// </summary>
    private async Task<Figures> KillAndRestartAsync(
        FakeHubServer hub,
        Dictionary<string, string?> settings, Moment moment, Platform platform, Func<IReadOnlyList<int>> perChat, Func<bool> live)
    {
        var port = LoopbackPort.Free();
        settings["ReleaseBot:Web:ListenUrl"] = $"http://127.0.0.1:{port}";
        var healthPort = LoopbackPort.Free();
        settings["ReleaseBot:Health:ListenUrl"] = $"http://127.0.0.1:{healthPort}";
        int atKill;
        int landedAfterKill;
        await using (var first = BotProcess.Start(_dir.Path, settings))
        {
            if (moment == Moment.Digest)
            {
                await first.WaitUntilAsync(() => perChat().Sum() >= SentAtKill(moment), $"{SentAtKill(moment)} digests");
            }
            else
            {
                // A second poll of Qwen has started, so the first (the silent baseline) is done: the model is news, not history.
                await first.WaitUntilAsync(() => LoopbackPort.Listening(port) && live() && hub.CountRequests("author=Qwen&") >= 2, "the bot listening, connected and past its baseline poll");
                hub.Add(FakeHubSamples.Model(Model, "2025-08-01T00:00:00Z"));
                using var http = new HttpClient();
                var status = await FakeHubWebhooks.SendAsync(http, new Uri($"http://127.0.0.1:{port}/hf-webhook"), FakeHubWebhooks.RepoCreated(Model), Secret);
                Assert.Equal(204, status);
                await first.WaitUntilAsync(
                    moment == Moment.Planning ? () => hub.CountRequests("Qwen3-Kill-8B") >= 1 : () => perChat().Sum() >= SentAtKill(moment),
                    moment == Moment.Planning ? "the model_info call" : $"{SentAtKill(moment)} messages");
            }

            atKill = perChat().Sum();
            await first.KillAsync();
            await Task.Delay(200);
            landedAfterKill = perChat().Sum() - atKill;
        }

        var drain = Stopwatch.StartNew();
        await using (var second = BotProcess.Start(_dir.Path, settings))
        {
            await second.WaitUntilAsync(() => perChat().All(n => n >= 1), "every chat to get the announcement");
            drain.Stop();
            // Rows whose message landed just before the kill are still pending until the restarted dispatcher resends
            // them (a repeat on Telegram, a nonce match on Discord): wait until its outbox is empty.
            await WaitUntilNothingPendingAsync(healthPort, platform);
            // Repeats would come now, if any: the restarted dispatcher has gone through its outbox by then.
            await Task.Delay(1500);
            await second.KillAsync();
        }

        var counts = perChat();
        var figures = new Figures(
            atKill, landedAfterKill, counts.Count(n => n >= 1), counts.Count(n => n == 0), counts.Sum(n => Math.Max(0, n - 1)), drain.Elapsed);
        output.WriteLine(
            $"{platform} killed at {moment}: {figures.AtKill} sent at the kill (+{figures.LandedAfterKill} landing after it), " +
            $"delivered {figures.Delivered}/{Chats}, lost {figures.Lost}, duplicated {figures.Duplicated}, " +
            $"drain after restart {figures.Drain.TotalSeconds:F1} s");

        // The file the second kill left opens, and nothing of the announcement is left to send.
        using var store = LiteDbStore.Open(_dir.File("data/bot.db"));
        var rows = await store.Outbox.CountByStateAsync(CancellationToken.None);
        Assert.Equal(0, rows.GetValueOrDefault(DeliveryState.Pending));
        Assert.Equal(Chats, rows.GetValueOrDefault(DeliveryState.Sent));
        Assert.Empty(await store.Releases.GetToAnnounceAsync(CancellationToken.None));

        return figures;
    }

    /// <summary>Polls the bot's <c>/metrics</c> until the platform's pending-deliveries gauge reads 0.</summary>
    private static async Task WaitUntilNothingPendingAsync(int healthPort, Platform platform)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var empty = $"releasebot_deliveries_pending{{platform=\"{platform.ToString().ToLowerInvariant()}\"}} 0";
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            try
            {
                var text = await http.GetStringAsync(new Uri($"http://127.0.0.1:{healthPort}/metrics"));
                if (text.Split('\n').Contains(empty))
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not answering yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited 90 s for the {platform} outbox to empty.");
            }

            await Task.Delay(100);
        }
    }

    private static Task<FakeHubServer> StartHubAsync() => FakeHubServer.StartAsync();

    /// <summary>
    /// Vendors and the chats' subscriptions, rank alerts off: after the restart the trending poll sees the model enter the
    /// list, and that alert is a message of its own, not a repeat of the announcement. For <see cref="Moment.Digest"/>,
    /// digest subscriptions whose time passed five minutes ago, and a release of the last hour for the digest to list.
    /// </summary>
    private async Task PrepareStoreAsync(IEnumerable<Subscription> subscriptions, Moment moment)
    {
        var now = DateTimeOffset.UtcNow;
        using var store = LiteDbStore.Open(_dir.File("data/bot.db"));
        await store.Vendors.UpsertVendorsAsync(VendorBuilder.Catalogue, CancellationToken.None);
        foreach (var subscription in subscriptions)
        {
            var quiet = subscription with { Filter = subscription.Filter with { RankAlerts = false } };
            await store.Subscriptions.UpsertSubscriptionAsync(
                moment == Moment.Digest
                    ? quiet with { Mode = DeliveryMode.Digest, DigestTime = TimeOnly.FromDateTime(now.UtcDateTime.AddMinutes(-5)), CreatedAt = now.AddDays(-2) }
                    : quiet,
                CancellationToken.None);
        }

        if (moment == Moment.Digest)
        {
            await store.Releases.TryAddReleaseAsync(new ReleaseBuilder(DigestModel, "alibaba").DetectedAt(now.AddHours(-1)).Build(), CancellationToken.None);
        }
    }

    private static string Marker(Moment moment) => moment == Moment.Digest ? "Qwen3-Digest-8B" : "Qwen3-Kill-8B";

    /// <summary>
    /// The Hub's polls (every 2 s: they find a model whose webhook the kill lost) and its webhook (which brings the model
    /// at once); a quick dispatcher.
    /// </summary>
    private static Dictionary<string, string?> Settings(FakeHubServer hub)
    {
        var settings = BotSettings.Defaults("data/bot.db");
        settings["ReleaseBot:HuggingFace:Enabled"] = "true";
        settings["ReleaseBot:HuggingFace:PollInterval"] = "00:00:02";
        settings["ReleaseBot:HuggingFace:BaseUrl"] = hub.BaseUrl.ToString();
        settings["ReleaseBot:HuggingFace:Webhook:Enabled"] = "true";
        settings["ReleaseBot:HuggingFace:Webhook:Secret"] = Secret;
        settings["ReleaseBot:Dispatch:PollInterval"] = "00:00:00.100";
        settings["ReleaseBot:Dispatch:BaseBackoff"] = "00:00:00.200";
        settings["ReleaseBot:Dispatch:MaxConcurrency"] = MaxConcurrency.ToString(CultureInfo.InvariantCulture);
        settings["ReleaseBot:Digest:Tick"] = "00:00:01";
        return settings;
    }

}
