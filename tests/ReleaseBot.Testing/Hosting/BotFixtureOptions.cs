using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReleaseBot.ConsoleChat;
using ReleaseBot.Core.Digests;
using ReleaseBot.Core.Dispatch;
using ReleaseBot.Testing.FakeDiscord;
using ReleaseBot.Testing.FakeHub;
using ReleaseBot.Testing.FakeTelegram;

namespace ReleaseBot.Testing.Hosting;

/// <summary>
/// What a <see cref="BotFixture"/> differs in from <see cref="BotSettings.Defaults"/>. A fake server is wired by
/// its settings (base URL, token) and nothing else, so a new fake (Discord) needs one more <c>WithXxx</c> of the same shape.
/// </summary>
public sealed class BotFixtureOptions
{
    /// <summary>The folder of the data file; null gives the fixture a temp folder of its own, deleted on dispose.</summary>
    public string? DataFolder { get; set; }

    public string DataFileName { get; set; } = "releasebot.db";

    /// <summary>Applied over <see cref="BotSettings.Defaults"/>.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Registered as the <see cref="System.TimeProvider"/> (a <c>FakeTimeProvider</c>, usually).</summary>
    public TimeProvider? Time { get; set; }

    /// <summary>Registrations made before <c>AddReleaseBot</c>: they win over the bot's <c>TryAdd</c> defaults.</summary>
    public List<Action<IServiceCollection>> Services { get; } = [];

    /// <summary>Registrations made after <c>AddReleaseBot</c>: the last registration of a service is the one resolved.</summary>
    public List<Action<IServiceCollection>> Overrides { get; } = [];

    /// <summary>Log capture (e.g. <c>AddFakeLogging</c>), applied after the defaults.</summary>
    public List<Action<ILoggingBuilder>> Logging { get; } = [];

    public BotFixtureOptions InFolder(string folder, string fileName = "releasebot.db")
    {
        DataFolder = folder;
        DataFileName = fileName;
        return this;
    }

    public BotFixtureOptions With(string key, string? value)
    {
        Settings[key] = value;
        return this;
    }

    public BotFixtureOptions With(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        foreach (var (key, value) in settings)
        {
            Settings[key] = value;
        }

        return this;
    }

    public BotFixtureOptions WithTime(TimeProvider time)
    {
        Time = time;
        return this;
    }

    public BotFixtureOptions WithServices(Action<IServiceCollection> services)
    {
        Services.Add(services);
        return this;
    }

    public BotFixtureOptions WithOverrides(Action<IServiceCollection> overrides)
    {
        Overrides.Add(overrides);
        return this;
    }

    public BotFixtureOptions WithLogging(Action<ILoggingBuilder> logging)
    {
        Logging.Add(logging);
        return this;
    }

    /// <summary>The bundled vendors and release history imported at start, as a fresh install does.</summary>
    public BotFixtureOptions WithSeed() => With("ReleaseBot:Seed:Enabled", "true");

    /// <summary>The console chat on <paramref name="io"/> (queued input, captured output).</summary>
    public BotFixtureOptions WithConsole(ConsoleIo io) =>
        With("ReleaseBot:Console:Mode", "On").WithServices(s => s.AddSingleton(io));

    /// <summary>The Hub client on <paramref name="hub"/>; the pollers stay off unless a setting turns them on.</summary>
    public BotFixtureOptions WithHub(FakeHubServer hub) =>
        With("ReleaseBot:HuggingFace:BaseUrl", hub.BaseUrl.ToString())
            .With("ReleaseBot:HuggingFace:RetryBaseDelay", "00:00:00.010")
            .With("ReleaseBot:HuggingFace:MaxRetryDelay", "00:00:00.050")
            .With("ReleaseBot:HuggingFace:RequestTimeout", "00:00:05");

    /// <summary>The Telegram adapter on <paramref name="telegram"/>, with short polls and a quick dispatcher.</summary>
    public BotFixtureOptions WithTelegram(FakeTelegramServer telegram) =>
        With("ReleaseBot:Telegram:Token", telegram.Token)
            .With("ReleaseBot:Telegram:ApiBaseUrl", telegram.BaseUrl)
            .With("ReleaseBot:Telegram:LongPollTimeout", "00:00:01")
            .With("ReleaseBot:Telegram:PollErrorPause", "00:00:00.200")
            .With("ReleaseBot:Dispatch:PollInterval", "00:00:00.100")
            .With("ReleaseBot:Dispatch:BaseBackoff", "00:00:00.200")
            .With("ReleaseBot:Dispatch:MaxConcurrency", Setting(64));

    /// <summary>The Discord adapter on <paramref name="discord"/> (REST and gateway), with a quick dispatcher.</summary>
    public BotFixtureOptions WithDiscord(FakeDiscordServer discord) =>
        With("ReleaseBot:Discord:Token", discord.Token)
            .With("ReleaseBot:Discord:ApiBaseUrl", discord.BaseUrl)
            .With("ReleaseBot:Dispatch:PollInterval", "00:00:00.100")
            .With("ReleaseBot:Dispatch:BaseBackoff", "00:00:00.200");

    /// <summary><paramref name="options"/> as the <c>ReleaseBot:Dispatch</c> settings.</summary>
    public BotFixtureOptions WithDispatch(DispatchOptions options) =>
        With("ReleaseBot:Dispatch:PollInterval", Setting(options.PollInterval))
            .With("ReleaseBot:Dispatch:MaxAttempts", Setting(options.MaxAttempts))
            .With("ReleaseBot:Dispatch:GiveUpAfter", Setting(options.GiveUpAfter))
            .With("ReleaseBot:Dispatch:BaseBackoff", Setting(options.BaseBackoff))
            .With("ReleaseBot:Dispatch:MaxBackoff", Setting(options.MaxBackoff))
            .With("ReleaseBot:Dispatch:MaxConcurrency", Setting(options.MaxConcurrency))
            .With("ReleaseBot:Dispatch:BatchSize", Setting(options.BatchSize));

    /// <summary><paramref name="options"/> as the <c>ReleaseBot:Digest</c> settings.</summary>
    public BotFixtureOptions WithDigest(DigestOptions options) =>
        With("ReleaseBot:Digest:Tick", Setting(options.Tick))
            .With("ReleaseBot:Digest:CatchUpWindow", Setting(options.CatchUpWindow))
            .With("ReleaseBot:Digest:EmptyDay", options.EmptyDay.ToString())
            .With("ReleaseBot:Digest:DefaultTime", options.DefaultTime.ToString("HH:mm", CultureInfo.InvariantCulture));

    private static string Setting(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);

    private static string Setting(int value) => value.ToString(CultureInfo.InvariantCulture);
}
