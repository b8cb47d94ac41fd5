using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.Testing.Builders;
using ReleaseBot.Testing.Hosting;

namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>
/// A <see cref="BotFixture"/> with the real Discord adapter on a <see cref="FakeDiscordServer"/>, its data file in
/// <paramref name="dataFolder"/> and the test vendor catalogue. Start, stop and start again over the same folder to test restarts.
/// </summary>
public sealed class DiscordHarness(FakeDiscordServer fake, string dataFolder) : IAsyncDisposable
{
    private BotFixture? _bot;

    /// <summary>Extra settings; applied over the defaults below.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    public FakeDiscordServer Fake => fake;

    /// <summary>Extra logging set-up (e.g. a log collector), applied after the defaults.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }

    /// <summary>Changes to the services after the real registrations (e.g. a slower router).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    public IServiceProvider Services => _bot?.Services ?? throw new InvalidOperationException("The harness is not started.");

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
        var options = new BotFixtureOptions().InFolder(dataFolder).WithDiscord(fake).With(Settings);
        if (ConfigureLogging is { } logging)
        {
            options.WithLogging(logging);
        }

        if (ConfigureServices is { } services)
        {
            options.WithOverrides(services);
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
