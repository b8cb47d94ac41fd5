using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReleaseBot.Composition;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.Discord;
using ReleaseBot.Discord.Sending;
using ReleaseBot.LiteDb;
using ReleaseBot.Testing.Builders;

namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>
/// The real delivery path to Discord (LiteDB store, planner, dispatch engine, Discord REST client and sender) with
/// in-memory configuration pointing at a <see cref="FakeDiscordServer"/> and a data file in <paramref name="dataFolder"/>.
/// Start, stop and start again over the same folder to test restarts. <see cref="ConfigureHost"/> adds more adapters
/// (the mixed benchmark adds Telegram).
/// </summary>
public sealed class DiscordDeliveryHarness(FakeDiscordServer fake, string dataFolder) : IAsyncDisposable
{
    private IHost? _host;

    /// <summary>Extra settings; applied over the defaults.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Extra composition (another adapter, a log collector), applied after the Discord pieces.</summary>
    public Action<IHostApplicationBuilder>? ConfigureHost { get; set; }

    public FakeDiscordServer Fake => fake;

    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("The harness is not started.");

    public ISubscriptionStore Subscriptions => Services.GetRequiredService<ISubscriptionStore>();
    public IReleaseStore Releases => Services.GetRequiredService<IReleaseStore>();
    public IOutbox Outbox => Services.GetRequiredService<IOutbox>();
    public IEventSink Events => Services.GetRequiredService<IEventSink>();

    /// <summary>The client's global rate set to the fake's (e.g. after <see cref="FakeDiscordOptions.Scaled"/>).</summary>
    public DiscordDeliveryHarness WithLimitsOfFake()
    {
        Settings["ReleaseBot:Discord:GlobalRequestsPerSecond"] = fake.State.Options.Global.Count.ToString(CultureInfo.InvariantCulture);
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
            ["ReleaseBot:Discord:Token"] = fake.Token,
            ["ReleaseBot:Discord:ApiBaseUrl"] = fake.BaseUrl,
            ["ReleaseBot:Discord:RequestTimeout"] = "00:00:05",
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

        builder.AddLiteDbStore();
        builder.AddReleaseBotCommands();
        builder.AddReleaseBotDelivery();
        builder.Services.AddOptions<DiscordOptions>().BindConfiguration(DiscordOptions.Section);
        builder.Services.AddDiscordClient();
        builder.Services.AddDiscordSending();
        ConfigureHost?.Invoke(builder);
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

    /// <summary>An active instant subscription of a Discord channel (or of a thread in it).</summary>
    public Task SubscribeAsync(ulong channelId, ulong? threadId = null) =>
        Subscriptions.UpsertSubscriptionAsync(Subscription(channelId, threadId), CancellationToken.None);

    public static Subscription Subscription(ulong channelId, ulong? threadId = null) => new SubscriptionBuilder(Id(channelId), Platform.Discord)
        .Build() with { Chat = Address(channelId, threadId) };

    public static ChatAddress Address(ulong channelId, ulong? threadId = null) =>
        new(Platform.Discord, Id(channelId), threadId is { } thread ? Id(thread) : null);

    /// <summary>Rows still waiting to be sent.</summary>
    public async Task<int> PendingAsync() =>
        (await Outbox.CountByStateAsync(CancellationToken.None)).GetValueOrDefault(DeliveryState.Pending);

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    public ValueTask DisposeAsync() => new(StopAsync());
}
