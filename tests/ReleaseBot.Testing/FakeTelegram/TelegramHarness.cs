using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReleaseBot.Composition;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.Testing.Builders;
using ReleaseBot.LiteDb;
using ReleaseBot.Telegram;

namespace ReleaseBot.Testing.FakeTelegram;

/// <summary>
/// The real host pieces (LiteDB store, command router, delivery engine, Telegram adapter) with in-memory
/// configuration pointing at a <see cref="FakeTelegramServer"/> and a data file in <paramref name="dataFolder"/>.
/// Start, stop and start again over the same folder to test restarts.
/// </summary>
public sealed class TelegramHarness(FakeTelegramServer fake, string dataFolder) : IAsyncDisposable
{
    private IHost? _host;

    /// <summary>Extra settings (e.g. the adapter's limits); applied over the defaults below.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    public FakeTelegramServer Fake => fake;

    /// <summary>Extra logging set-up (e.g. a log collector), applied after the defaults.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }

    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("The harness is not started.");

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
        var o = fake.State.Options;
        Settings["ReleaseBot:Telegram:PerChatInterval"] = (o.PerChat.Window / o.PerChat.Count * 1.5).ToString("c", CultureInfo.InvariantCulture);
        Settings["ReleaseBot:Telegram:GroupMessagesPerWindow"] = o.PerGroup.Count.ToString(CultureInfo.InvariantCulture);
        Settings["ReleaseBot:Telegram:GroupWindow"] = (o.PerGroup.Window * 1.05).ToString("c", CultureInfo.InvariantCulture);
        Settings["ReleaseBot:Telegram:GlobalMessagesPerSecond"] = (o.Global.PerSecond * globalShare).ToString(CultureInfo.InvariantCulture);
        Settings["ReleaseBot:Telegram:GlobalHardLimitPerSecond"] = ((int)Math.Floor(o.Global.PerSecond)).ToString(CultureInfo.InvariantCulture);
        return this;
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = dataFolder,
            EnvironmentName = "Test",
        });
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["ReleaseBot:DataPath"] = Path.Combine(dataFolder, "releasebot.db"),
            ["ReleaseBot:Telegram:Token"] = fake.Token,
            ["ReleaseBot:Telegram:ApiBaseUrl"] = fake.BaseUrl,
            ["ReleaseBot:Telegram:LongPollTimeout"] = "00:00:01",
            ["ReleaseBot:Telegram:PollErrorPause"] = "00:00:00.200",
            ["ReleaseBot:Dispatch:PollInterval"] = "00:00:00.100",
            ["ReleaseBot:Dispatch:BaseBackoff"] = "00:00:00.200",
            ["ReleaseBot:Dispatch:MaxConcurrency"] = "64",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (Environment.GetEnvironmentVariable("RELEASEBOT_TEST_LOG") is not null)
        {
            builder.Logging.AddSimpleConsole();
        }

        ConfigureLogging?.Invoke(builder.Logging);

        builder.AddLiteDbStore();
        builder.AddReleaseBotCommands();
        builder.AddReleaseBotDelivery();
        builder.AddTelegram();
        _host = builder.Build();

        var vendors = _host.Services.GetRequiredService<IVendorStore>();
        if ((await vendors.GetVendorsAsync(cancellationToken)).Count == 0)
        {
            await vendors.UpsertVendorsAsync(VendorBuilder.Catalogue, cancellationToken);
        }

        await _host.StartAsync(cancellationToken);
    }

    public async Task StopAsync()
    {
        if (_host is null)
        {
            return;
        }

        await _host.StopAsync();
        _host.Dispose();
        _host = null;
    }

    public async Task AddReleasesAsync(params Release[] releases)
    {
        foreach (var release in releases)
        {
            await Releases.TryAddReleaseAsync(release, CancellationToken.None);
        }
    }

    /// <summary>Waits (up to <paramref name="timeout"/>, default 20 s) until <paramref name="condition"/> holds; false if it never did.</summary>
    public static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
