using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReleaseBot.Composition;
using ReleaseBot.Core.Commands;
using ReleaseBot.Core.Dispatch;
using ReleaseBot.Core.Planning;
using ReleaseBot.Core.Ports;
using ReleaseBot.LiteDb;
using ReleaseBot.Testing.Store;

namespace ReleaseBot.Testing.Hosting;

/// <summary>
/// The bot as <c>Program.cs</c> composes it (<c>AddReleaseBot</c>), with in-memory settings over the shipped
/// <c>config/appsettings.json</c>, its LiteDB file in a temp folder (or a given one), an optional fake clock and fake servers.
/// <see cref="BuildWithoutStarting"/> gives the composed services with no hosted service running (unit-level rigs);
/// <see cref="StartAsync(BotFixtureOptions?, CancellationToken)"/> runs the host. <see cref="Reopen"/> and
/// <see cref="RestartAsync"/> build the host again over the same data file, as a restart of the bot would.
/// </summary>
public sealed class BotFixture : IAsyncDisposable, IDisposable
{
    private readonly BotFixtureOptions _options;
    private readonly TempDirectory? _ownedFolder;
    private IHost _host;
    private bool _started;

    private BotFixture(BotFixtureOptions options)
    {
        _options = options;
        if (options.DataFolder is null)
        {
            _ownedFolder = new TempDirectory();
        }

        Folder = options.DataFolder ?? _ownedFolder!.Path;
        Path = System.IO.Path.Combine(Folder, options.DataFileName);
        _host = Build();
    }

    /// <summary>Full path of the data file.</summary>
    public string Path { get; }

    /// <summary>The folder of the data file (the content root); tests may put other files there.</summary>
    public string Folder { get; }

    public IHost Host => _host;
    public IServiceProvider Services => _host.Services;
    public TimeProvider Time => Get<TimeProvider>();

    public LiteDbStore Store => Get<LiteDbStore>();
    public IVendorStore Vendors => Get<IVendorStore>();
    public IReleaseStore Releases => Get<IReleaseStore>();
    public IRankStore Ranks => Get<IRankStore>();
    public ISubscriptionStore Subscriptions => Get<ISubscriptionStore>();
    public IOutbox Outbox => Get<IOutbox>();
    public IDigestLog DigestLog => Get<IDigestLog>();
    public IWatchStore Watches => Get<IWatchStore>();
    public IStateStore State => Get<IStateStore>();
    public IRepoInbox Inbox => Get<IRepoInbox>();

    public ICommandRouter Router => Get<ICommandRouter>();
    public IEventSink Events => Get<IEventSink>();
    public DeliveryPlanner Planner => Get<DeliveryPlanner>();
    public DispatchSignal Signal => Get<DispatchSignal>();

    /// <summary>The composed services, no hosted service started.</summary>
    public static BotFixture BuildWithoutStarting(BotFixtureOptions? options = null) => new(options ?? new BotFixtureOptions());

    /// <summary>The composed services with every hosted service started.</summary>
    public static async Task<BotFixture> StartAsync(BotFixtureOptions? options = null, CancellationToken cancellationToken = default)
    {
        var fixture = BuildWithoutStarting(options);
        await fixture.StartAsync(cancellationToken);
        return fixture;
    }

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>
    /// The dispatch loop of one platform, as <c>DispatchService</c> builds one per registered sender; the test runs it
    /// (<c>RunOnceAsync</c>) instead of the hosted service.
    /// </summary>
    public DispatchEngine NewEngine(IMessageSender sender) => ActivatorUtilities.CreateInstance<DispatchEngine>(Services, sender);

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _host.StartAsync(cancellationToken);
        _started = true;
    }

    public async Task StopAsync()
    {
        if (_started)
        {
            _started = false;
            await _host.StopAsync(TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>Closes the data file and builds the services again over it (a restart of a bot that was not started).</summary>
    public void Reopen()
    {
        _host.Dispose();
        _host = Build();
    }

    /// <summary>Stops the host, closes the data file, builds the host again over it and starts it.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync();
        Reopen();
        await StartAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            Dispose();
        }
    }

    public void Dispose()
    {
        _host.Dispose();
        _ownedFolder?.Dispose();
    }

    private IHost Build()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            // No environment variables or command line: a developer's ReleaseBot__Telegram__Token must not reach a test.
            DisableDefaults = true,
            ContentRootPath = Folder,
            EnvironmentName = "Test",
        });
        builder.Configuration.AddJsonFile(System.IO.Path.Combine(AppContext.BaseDirectory, "config", "appsettings.json"), optional: true);
        var settings = BotSettings.Defaults(Path);
        foreach (var (key, value) in _options.Settings)
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        if (Environment.GetEnvironmentVariable("RELEASEBOT_TEST_LOG") is not null)
        {
            builder.Logging.AddSimpleConsole();
        }

        foreach (var logging in _options.Logging)
        {
            logging(builder.Logging);
        }

        if (_options.Time is { } time)
        {
            builder.Services.AddSingleton(time);
        }

        foreach (var services in _options.Services)
        {
            services(builder.Services);
        }

        builder.AddReleaseBot();
        foreach (var overrides in _options.Overrides)
        {
            overrides(builder.Services);
        }

        return builder.Build();
    }
}
