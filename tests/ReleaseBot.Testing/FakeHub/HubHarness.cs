using Microsoft.Extensions.DependencyInjection;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.HuggingFace.Polling;
using ReleaseBot.Testing.Builders;
using ReleaseBot.Testing.Fakes;
using ReleaseBot.Testing.Hosting;

namespace ReleaseBot.Testing.FakeHub;

/// <summary>
/// A <see cref="BotFixture"/> (built, not started) on a <see cref="FakeHubServer"/> with a <see cref="RecordingEventSink"/>
/// in place of the planner. Pollers are off: tests run cycles themselves, or start the host (<c>Bot.StartAsync</c>);
/// <see cref="RestartAsync"/> rebuilds the host on the same data file, as a restart would.
/// </summary>
public sealed class HubHarness : IAsyncDisposable
{
    private HubHarness(FakeHubServer hub, BotFixture bot)
    {
        Hub = hub;
        Bot = bot;
    }

    public static IReadOnlyList<Vendor> Vendors { get; } =
    [
        .. VendorBuilder.Catalogue,
        new VendorBuilder("minimax").Named("MiniMax", "稀宇科技").WithOrgs("MiniMaxAI").WithFamilies("MiniMax-M1", "MiniMax-M2").Build(),
    ];

    public FakeHubServer Hub { get; }
    public BotFixture Bot { get; }

    /// <summary>The bot's store ports (Releases, Ranks, …).</summary>
    public BotFixture Store => Bot;
    public RecordingEventSink Sink { get; private init; } = new();
    public IServiceProvider Services => Bot.Services;
    public VendorPollCycle Poll => Services.GetRequiredService<VendorPollCycle>();
    public TrendingCycle Trending => Services.GetRequiredService<TrendingCycle>();

    /// <summary>
    /// Starts a fake Hub and a store with <see cref="Vendors"/>; <paramref name="settings"/> override <c>ReleaseBot:HuggingFace:*</c>
    /// (or any key that starts with <c>ReleaseBot:</c>).
    /// </summary>
    public static async Task<HubHarness> StartAsync(
        IDictionary<string, string?>? settings = null,
        Action<BotFixtureOptions>? configure = null,
        TimeProvider? time = null,
        IReadOnlyList<Vendor>? vendors = null)
    {
        var hub = await FakeHubServer.StartAsync(time);
        var options = new BotFixtureOptions().WithHub(hub);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            options.With(key.StartsWith("ReleaseBot:", StringComparison.OrdinalIgnoreCase) ? key : $"ReleaseBot:HuggingFace:{key}", value);
        }

        if (time is not null)
        {
            options.WithTime(time);
        }

        configure?.Invoke(options);
        var sink = new RecordingEventSink();
        options.WithOverrides(s => s.AddSingleton<IEventSink>(sink));
        var rig = new HubHarness(hub, BotFixture.BuildWithoutStarting(options)) { Sink = sink };
        await rig.Bot.Vendors.UpsertVendorsAsync(vendors ?? Vendors, CancellationToken.None);
        return rig;
    }

    /// <summary>Stops the host, closes and reopens the data file, and builds a fresh host (same sink).</summary>
    public async Task RestartAsync()
    {
        await Bot.StopAsync();
        Bot.Reopen();
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Hub.DisposeAsync();
    }
}
