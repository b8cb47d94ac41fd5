using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.HuggingFace.Polling;
using ReleaseBot.Testing.Builders;
using ReleaseBot.Testing.Fakes;
using ReleaseBot.Testing.Store;
using ReleaseBot.HuggingFace;

namespace ReleaseBot.Testing.FakeHub;

/// <summary>
/// The Hub source wired as the host wires it (<c>AddHuggingFace</c>) against a <see cref="FakeHubServer"/>,
/// a real LiteDB file and a <see cref="RecordingEventSink"/>. Pollers are off: tests run cycles themselves;
/// <see cref="RestartAsync"/> rebuilds the host on the same data file, as a restart would.
/// </summary>
public sealed class HubHarness : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<HostApplicationBuilder>? _configure;
    private readonly TimeProvider _time;

    private HubHarness(FakeHubServer hub, TestStore store, Dictionary<string, string?> settings, Action<HostApplicationBuilder>? configure, TimeProvider time)
    {
        Hub = hub;
        Store = store;
        _settings = settings;
        _configure = configure;
        _time = time;
        Host = Build();
    }

    public static IReadOnlyList<Vendor> Vendors { get; } =
    [
        .. VendorBuilder.Catalogue,
        new VendorBuilder("minimax").Named("MiniMax", "稀宇科技").WithOrgs("MiniMaxAI").WithFamilies("MiniMax-M1", "MiniMax-M2").Build(),
    ];

    public FakeHubServer Hub { get; }
    public TestStore Store { get; }
    public RecordingEventSink Sink { get; } = new();
    public IHost Host { get; private set; }
    public IServiceProvider Services => Host.Services;
    public VendorPollCycle Poll => Services.GetRequiredService<VendorPollCycle>();
    public TrendingCycle Trending => Services.GetRequiredService<TrendingCycle>();

    /// <summary>Starts a fake Hub and a store with <see cref="Vendors"/>; <paramref name="settings"/> override <c>ReleaseBot:HuggingFace:*</c>.</summary>
    public static async Task<HubHarness> StartAsync(
        IDictionary<string, string?>? settings = null,
        Action<HostApplicationBuilder>? configure = null,
        TimeProvider? time = null,
        IReadOnlyList<Vendor>? vendors = null)
    {
        var hub = await FakeHubServer.StartAsync(time);
        var store = TestStore.Create();
        await store.Vendors.UpsertVendorsAsync(vendors ?? Vendors, CancellationToken.None);
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["ReleaseBot:HuggingFace:BaseUrl"] = hub.BaseUrl.ToString(),
            ["ReleaseBot:HuggingFace:Enabled"] = "false",
            ["ReleaseBot:HuggingFace:RetryBaseDelay"] = "00:00:00.010",
            ["ReleaseBot:HuggingFace:MaxRetryDelay"] = "00:00:00.050",
            ["ReleaseBot:HuggingFace:RequestTimeout"] = "00:00:05",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key.StartsWith("ReleaseBot:", StringComparison.OrdinalIgnoreCase) ? key : $"ReleaseBot:HuggingFace:{key}"] = value;
        }

        return new HubHarness(hub, store, all, configure, time ?? TimeProvider.System);
    }

    /// <summary>Stops the host, closes and reopens the data file, and builds a fresh host (same sink).</summary>
    public async Task RestartAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        Store.Reopen();
        Host = Build();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        await Hub.DisposeAsync();
        Store.Dispose();
    }

    private IHost Build()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(_settings);
        builder.Services.AddLogging();
        builder.Services.AddSingleton(_time);
        var store = Store;
        builder.Services.AddSingleton(store.Vendors);
        builder.Services.AddSingleton(store.Releases);
        builder.Services.AddSingleton(store.Ranks);
        builder.Services.AddSingleton(store.Watches);
        builder.Services.AddSingleton(store.State);
        builder.Services.AddSingleton(store.Subscriptions);
        builder.Services.AddSingleton(store.Outbox);
        builder.Services.AddSingleton<IEventSink>(Sink);
        _configure?.Invoke(builder);
        builder.AddHuggingFace();
        return builder.Build();
    }
}
