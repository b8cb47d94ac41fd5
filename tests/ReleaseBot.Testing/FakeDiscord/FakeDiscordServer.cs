using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>
/// A Discord REST API and Gateway on 127.0.0.1 (port chosen by the OS) that enforce the documented limits and answer
/// with the documented errors (reference/discord.md §10). Point the bot at <see cref="BaseUrl"/> with <see cref="Token"/>;
/// <c>GET /gateway/bot</c> hands out <see cref="FakeDiscordGateway.Url"/>.
/// </summary>
public sealed class FakeDiscordServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeDiscordServer(WebApplication app, FakeDiscordState state, FakeDiscordGateway gateway, string root)
    {
        _app = app;
        State = state;
        Gateway = gateway;
        Root = root;
    }

    public FakeDiscordState State { get; }
    public FakeDiscordGateway Gateway { get; }
    /// <summary><c>http://127.0.0.1:{port}</c>.</summary>
    public string Root { get; }
    /// <summary><c>http://127.0.0.1:{port}/api/v10</c>.</summary>
    public string BaseUrl => Root + "/api/v10";
    public string Token => State.Options.Token;
    public ulong ApplicationId => State.Options.ApplicationId;

    public static async Task<FakeDiscordServer> StartAsync(FakeDiscordOptions? options = null, CancellationToken cancellationToken = default)
    {
        var state = new FakeDiscordState(options ?? new FakeDiscordOptions());
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var gateway = new FakeDiscordGateway(state);
        var rest = new FakeDiscordRest(state, gateway);
        app.UseWebSockets();
        app.Run(context => FakeDiscordGateway.Accepts(context) ? gateway.HandleAsync(context) : rest.HandleAsync(context));
        await app.StartAsync(cancellationToken);
        var root = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        gateway.Start(root.Replace("http://", "ws://", StringComparison.Ordinal), app.Lifetime.ApplicationStopping);
        return new FakeDiscordServer(app, state, gateway, root);
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
