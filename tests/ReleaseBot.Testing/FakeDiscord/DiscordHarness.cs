using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReleaseBot.Composition;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.Discord;
using ReleaseBot.LiteDb;
using ReleaseBot.Testing.Builders;

namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>
/// The real host pieces (LiteDB store, command router, delivery engine, Discord adapter) with in-memory configuration
/// pointing at a <see cref="FakeDiscordServer"/> and a data file in <paramref name="dataFolder"/>. Start, stop and start
/// again over the same folder to test restarts.
/// </summary>
public sealed class DiscordHarness(FakeDiscordServer fake, string dataFolder) : IAsyncDisposable
{
    private IHost? _host;

    /// <summary>Extra settings; applied over the defaults below.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    public FakeDiscordServer Fake => fake;

    /// <summary>Extra logging set-up (e.g. a log collector), applied after the defaults.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }

    /// <summary>Changes to the services after the real registrations (e.g. a slower router).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("The harness is not started.");

    public IHostApplicationLifetime Lifetime => Services.GetRequiredService<IHostApplicationLifetime>();

    public ISubscriptionStore Subscriptions => Services.GetRequiredService<ISubscriptionStore>();
    public IReleaseStore Releases => Services.GetRequiredService<IReleaseStore>();

    /// <summary>
    /// Starts the host and waits until its own gateway session is live at the fake: identified anew, so that a previous
    /// host's connection that is still closing is not taken for it.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var identifies = fake.Gateway.IdentifyCount;
        await StartHostAsync(cancellationToken);
        if (!await WaitUntilAsync(() => fake.Gateway.IdentifyCount > identifies && fake.Gateway.IsLive, TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("The bot's gateway session did not become live at the fake Discord.");
        }
    }

    /// <summary>Starts the host without waiting for the gateway (for sessions that are refused).</summary>
    public async Task StartHostAsync(CancellationToken cancellationToken = default)
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
            ["ReleaseBot:Discord:Token"] = fake.Token,
            ["ReleaseBot:Discord:ApiBaseUrl"] = fake.BaseUrl,
            ["ReleaseBot:Dispatch:PollInterval"] = "00:00:00.100",
            ["ReleaseBot:Dispatch:BaseBackoff"] = "00:00:00.200",
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
        builder.AddDiscord();
        ConfigureServices?.Invoke(builder.Services);
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
