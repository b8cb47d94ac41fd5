using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ReleaseBot.Discord;
using ReleaseBot.Discord.Gateway;
using ReleaseBot.Discord.Rest;
using ReleaseBot.Testing.FakeDiscord;

namespace ReleaseBot.Tests.Discord;

/// <summary>The wire client (REST + gateway, as <c>AddDiscordClient</c> registers it) pointed at a fake Discord on 127.0.0.1.</summary>
internal sealed class DiscordClientRig : IAsyncDisposable
{
    public const ulong GuildId = 81384788765712384;
    public const ulong ChannelId = 81384788765712385;

    private readonly ServiceProvider _services;
    private readonly CancellationTokenSource _stop = new();
    private Task? _gateway;

    private DiscordClientRig(FakeDiscordServer server, ServiceProvider services)
    {
        Server = server;
        _services = services;
    }

    public FakeDiscordServer Server { get; }
    public FakeDiscordGateway FakeGateway => Server.Gateway;
    public DiscordRestClient Rest => _services.GetRequiredService<DiscordRestClient>();
    public DiscordGatewayClient Gateway => _services.GetRequiredService<DiscordGatewayClient>();
    public RecordingDispatchHandler Dispatches => _services.GetRequiredService<RecordingDispatchHandler>();
    public FakeLogCollector Logs => _services.GetFakeLogCollector();

    /// <summary>The running gateway client's task (throws what <c>RunAsync</c> throws).</summary>
    public Task GatewayRun => _gateway ?? throw new InvalidOperationException("Start the gateway first.");

    public static async Task<DiscordClientRig> StartAsync(Func<FakeDiscordOptions, FakeDiscordOptions>? fake = null, Action<DiscordOptions>? client = null)
    {
        // The fake's own heartbeat deadline is off: on a loaded machine a late beat makes it close with 4000 and the client
        // resumes on a new connection, which is not what these tests count. Zombie tests drop ACKs explicitly instead.
        var fakeOptions = new FakeDiscordOptions
        {
            Guilds = [FakeDiscordGuild.Create(GuildId, "Open Models", ChannelId)],
            EnforceHeartbeatTimeout = false,
        };
        var server = await FakeDiscordServer.StartAsync(fake?.Invoke(fakeOptions) ?? fakeOptions);
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        services.AddOptions<DiscordOptions>().Configure(o =>
        {
            o.Token = server.Token;
            o.ApiBaseUrl = server.BaseUrl;
            client?.Invoke(o);
        });
        services.AddSingleton<RecordingDispatchHandler>();
        services.AddSingleton<IGatewayDispatchHandler>(sp => sp.GetRequiredService<RecordingDispatchHandler>());
        services.AddDiscordClient();
        return new DiscordClientRig(server, services.BuildServiceProvider());
    }

    /// <summary>Starts <see cref="DiscordGatewayClient.RunAsync"/> and waits for the session to be live at the fake.</summary>
    public async Task StartGatewayAsync()
    {
        _gateway = Task.Run(() => Gateway.RunAsync(_stop.Token));
        await WaitAsync(() => FakeGateway.IsLive && Dispatches.Names.Contains("READY"));
    }

    /// <summary>Waits until the fake's state satisfies <paramref name="condition"/> (re-checked on every change it records).</summary>
    public async Task WaitAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var done = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        var first = await Task.WhenAny(Server.State.WaitUntilAsync(_ => condition(), done.Token), Dispatches.WaitUntilAsync(condition, done.Token));
        await done.CancelAsync();
        await first;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_gateway is not null)
        {
            await _gateway.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await _services.DisposeAsync();
        await Server.DisposeAsync();
        _stop.Dispose();
    }
}
