using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ReleaseBot.Testing.FakeTelegram;

/// <summary>
/// A Telegram Bot API server on 127.0.0.1 (port chosen by the OS) that speaks what Telegram.Bot 22.10 sends
/// and enforces Telegram's documented limits. Point the bot at <see cref="BaseUrl"/> with <see cref="Token"/>.
/// </summary>
public sealed class FakeTelegramServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeTelegramServer(WebApplication app, FakeTelegramState state, string baseUrl)
    {
        _app = app;
        State = state;
        BaseUrl = baseUrl;
    }

    public FakeTelegramState State { get; }
    public string BaseUrl { get; }
    public string Token => State.Options.Token;
    public long BotId => State.Options.BotId;
    public string BotUsername => State.Options.BotUsername;

    public static async Task<FakeTelegramServer> StartAsync(FakeTelegramOptions? options = null, CancellationToken cancellationToken = default)
    {
        var state = new FakeTelegramState(options ?? new FakeTelegramOptions());
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var api = new FakeTelegramApi(state, TimeProvider.System);
        app.Run(api.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakeTelegramServer(app, state, address.TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
