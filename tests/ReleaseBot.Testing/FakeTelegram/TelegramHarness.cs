using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.Testing.Builders;
using ReleaseBot.Testing.Hosting;

namespace ReleaseBot.Testing.FakeTelegram;

/// <summary>
/// A <see cref="BotFixture"/> with the real Telegram adapter on a <see cref="FakeTelegramServer"/>, its data file in
/// <paramref name="dataFolder"/> and the test vendor catalogue. Start, stop and start again over the same folder to test restarts.
/// </summary>
public sealed class TelegramHarness(FakeTelegramServer fake, string dataFolder) : IAsyncDisposable
{
    private BotFixture? _bot;

    /// <summary>Extra settings (e.g. the adapter's limits); applied over the fixture's and <see cref="BotFixtureOptions.WithTelegram"/>'s.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    public FakeTelegramServer Fake => fake;

    /// <summary>Extra logging set-up (e.g. a log collector), applied after the defaults.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }

    public IServiceProvider Services => _bot?.Services ?? throw new InvalidOperationException("The harness is not started.");

    public ISubscriptionStore Subscriptions => Services.GetRequiredService<ISubscriptionStore>();
    public IReleaseStore Releases => Services.GetRequiredService<IReleaseStore>();
    public IOutbox Outbox => Services.GetRequiredService<IOutbox>();
    public IEventSink Events => Services.GetRequiredService<IEventSink>();

    /// <summary>
    /// Client limits matched to the fake's (e.g. after <see cref="FakeTelegramOptions.Scaled"/>): 50 % spacing margin per
    /// chat (a loaded CI machine bunches requests), 5 % per group, <paramref name="globalShare"/> of the fake's global rate.
    /// </summary>
    public TelegramHarness WithLimitsOfFake(double globalShare = 0.97)
    {
        foreach (var (key, value) in LimitsOf(fake.State.Options, globalShare))
        {
            Settings[key] = value;
        }

        return this;
    }

    /// <summary>The bot's Telegram limit settings that match <paramref name="o"/> (a scaled fake's, too).</summary>
    public static Dictionary<string, string?> LimitsOf(FakeTelegramOptions o, double globalShare = 0.97) => new()
    {
        ["ReleaseBot:Telegram:PerChatInterval"] = (o.PerChat.Window / o.PerChat.Count * 1.5).ToString("c", CultureInfo.InvariantCulture),
        ["ReleaseBot:Telegram:GroupMessagesPerWindow"] = o.PerGroup.Count.ToString(CultureInfo.InvariantCulture),
        ["ReleaseBot:Telegram:GroupWindow"] = (o.PerGroup.Window * 1.05).ToString("c", CultureInfo.InvariantCulture),
        ["ReleaseBot:Telegram:GlobalMessagesPerSecond"] = (o.Global.PerSecond * globalShare).ToString(CultureInfo.InvariantCulture),
        ["ReleaseBot:Telegram:GlobalHardLimitPerSecond"] = ((int)Math.Floor(o.Global.PerSecond)).ToString(CultureInfo.InvariantCulture),
    };

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var options = new BotFixtureOptions().InFolder(dataFolder).WithTelegram(fake).With(Settings);
        if (ConfigureLogging is { } logging)
        {
            options.WithLogging(logging);
        }

        _bot = BotFixture.BuildWithoutStarting(options);
        if ((await _bot.Vendors.GetVendorsAsync(cancellationToken)).Count == 0)
        {
            await _bot.Vendors.UpsertVendorsAsync(VendorBuilder.Catalogue, cancellationToken);
        }

        await _bot.StartAsync(cancellationToken);
    }

    public async Task StopAsync()
    {
        if (_bot is null)
        {
            return;
        }

        await _bot.DisposeAsync();
        _bot = null;
    }

    public async Task AddReleasesAsync(params Release[] releases)
    {
        foreach (var release in releases)
        {
            await Releases.TryAddReleaseAsync(release, CancellationToken.None);
        }
    }

    /// <summary>Waits (up to <paramref name="timeout"/>, default 20 s) until <paramref name="condition"/> holds; false if it never did.</summary>
    public static Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null) => Wait.ForAsync(condition, timeout);

    public ValueTask DisposeAsync() => new(StopAsync());
}
