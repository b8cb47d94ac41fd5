using System.Globalization;
using ReleaseBot.Core.Domain;
using ReleaseBot.Testing.Builders;
using ReleaseBot.Testing.FakeDiscord;
using ReleaseBot.Testing.FakeTelegram;
using ReleaseBot.Testing.Store;

namespace ReleaseBot.Bench.Discord;

/// <summary>
/// One announcement to N Discord channels through the real planner, dispatch engine, LiteDB outbox and Discord sender,
/// against the fake Discord's per-channel buckets and its global limit (a rolling one-second window), scaled by a factor.
/// Arguments: <c>[channels=1000] [scale=1]</c>. Prints the achieved rate against the global limit the fake enforces, the
/// 429s it answered, and lost and duplicated messages.
/// </summary>
public static class DiscordFanOutBench
{
    private const ulong FirstGuild = 920000000000000000;
    private const int ChannelsPerGuild = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        var count = Arg(args, 0, 1000);
        var scale = Arg(args, 1, 1.0);
        using var folder = new TempDirectory();
        var channels = ChannelIds(count);
        await using var fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { Guilds = Guilds(channels) }.Scaled(scale));
        await using var bot = new DiscordDeliveryHarness(fake, folder.Path).WithLimitsOfFake();
        await bot.StartAsync();
        foreach (var channel in channels)
        {
            await bot.SubscribeAsync(channel);
        }

        var release = Release();
        await bot.AddReleasesAsync(release);
        var published = DateTimeOffset.UtcNow;
        await bot.Events.PublishAsync(BotEvent.ReleaseDetected(release, published), CancellationToken.None);

        var limit = fake.State.Options.Global.PerSecond;
        var done = await WaitAsync(() => fake.State.Messages.Count >= count, bot.PendingAsync, TimeSpan.FromSeconds(count / limit * 3 + 30));
        var report = Report(fake, channels);
        FanOutReport.Write($"discord fan-out: 1 event to {count} channels in {(count + ChannelsPerGuild - 1) / ChannelsPerGuild} guilds, fake limits x{scale} ({fake.State.Options.Global.Count}/s global, {fake.State.Options.Messages.Count} per {fake.State.Options.Messages.Window.TotalSeconds:0.###} s per channel), finished: {done}");
        report.Print(published);
        return done ? 0 : 1;
    }

    /// <summary>
    /// Telegram and Discord subscribers at once (half each) in one host with one outbox, against both fakes at their
    /// default limits: each platform's ratio, to show that neither holds the other back. Arguments: <c>[chats=1000]</c>.
    /// </summary>
    public static async Task<int> RunMixedAsync(string[] args)
    {
        var count = Arg(args, 0, 1000);
        var discordCount = count / 2;
        var telegramIds = Enumerable.Range(1, count - discordCount).Select(i => i % 2 == 0 ? 10_000L + i : -1_000_000_000_000L - i).ToArray();
        var channels = ChannelIds(discordCount);
        using var folder = new TempDirectory();
        await using var discord = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { Guilds = Guilds(channels) });
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions());
        foreach (var id in telegramIds)
        {
            _ = id > 0 ? telegram.State.AddPrivateChat(id) : telegram.State.AddGroup(id);
        }

        await using var bot = new DiscordDeliveryHarness(discord, folder.Path).WithLimitsOfFake();
        // The Telegram adapter's settings as its own harness matches them to its fake, then the adapter itself.
        foreach (var (key, value) in new TelegramHarness(telegram, folder.Path).WithLimitsOfFake().Settings)
        {
            bot.Settings[key] = value;
        }

        bot.Settings["ReleaseBot:Telegram:Token"] = telegram.Token;
        bot.Settings["ReleaseBot:Telegram:ApiBaseUrl"] = telegram.BaseUrl;
        bot.Settings["ReleaseBot:Telegram:LongPollTimeout"] = "00:00:01";
        bot.ConfigureHost = host => ReleaseBot.Telegram.TelegramRegistration.AddTelegram(host);
        await bot.StartAsync();
        foreach (var channel in channels)
        {
            await bot.SubscribeAsync(channel);
        }

        foreach (var id in telegramIds)
        {
            await bot.Subscriptions.UpsertSubscriptionAsync(
                new SubscriptionBuilder(id.ToString(CultureInfo.InvariantCulture)).Build(), CancellationToken.None);
        }

        var release = Release();
        await bot.AddReleasesAsync(release);
        var published = DateTimeOffset.UtcNow;
        await bot.Events.PublishAsync(BotEvent.ReleaseDetected(release, published), CancellationToken.None);

        var done = await WaitAsync(
            () => discord.State.Messages.Count >= channels.Length && telegram.State.SentMessages.Count >= telegramIds.Length,
            bot.PendingAsync,
            TimeSpan.FromSeconds(telegramIds.Length / telegram.State.Options.Global.PerSecond * 3 + 30));
        var sent = telegram.State.SentMessages;
        var telegramReport = new FanOutReport(
            "telegram",
            [.. sent.Select(m => m.At)],
            [.. telegramIds.Select(id => sent.Count(m => m.ChatId == id))],
            telegram.State.Options.Global.PerSecond,
            telegram.State.TooManyRequestsCount);
        FanOutReport.Write($"mixed fan-out: 1 event to {telegramIds.Length} Telegram chats and {channels.Length} Discord channels in one host and outbox, default limits, finished: {done}");
        Report(discord, channels).Print(published);
        telegramReport.Print(published);
        return done ? 0 : 1;
    }

    private static FanOutReport Report(FakeDiscordServer fake, ulong[] channels)
    {
        var messages = fake.State.Messages;
        var perChannel = messages.GroupBy(m => m.ChannelId).ToDictionary(g => g.Key, g => g.Count());
        return new FanOutReport(
            "discord",
            [.. messages.Select(m => m.CreatedAt)],
            [.. channels.Select(c => perChannel.GetValueOrDefault(c))],
            fake.State.Options.Global.PerSecond,
            fake.State.TooManyRequestsCount);
    }

    private static async Task<bool> WaitAsync(Func<bool> delivered, Func<Task<int>> pending, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!delivered() || await pending() > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }

    private static ulong[] ChannelIds(int count) =>
        [.. Enumerable.Range(0, count).Select(i => FirstGuild + (ulong)(i / ChannelsPerGuild * 1000) + (ulong)(i % ChannelsPerGuild) + 1)];

    private static FakeDiscordGuild[] Guilds(ulong[] channels) =>
        [.. channels.GroupBy(c => (c - FirstGuild) / 1000).Select(g => FakeDiscordGuild.Create(FirstGuild + g.Key * 1000, $"guild-{g.Key}", [.. g]))];

    private static Release Release() =>
        new ReleaseBuilder("Qwen/Qwen3-235B-A22B-Instruct-2507", "alibaba").Params(235_000_000_000, 22_000_000_000).Licence("apache-2.0").Build();

    private static T Arg<T>(string[] args, int index, T fallback) where T : IParsable<T> =>
        args.Length > index && T.TryParse(args[index], CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
