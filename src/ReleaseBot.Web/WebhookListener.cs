using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReleaseBot.Web;

/// <summary>
/// One Kestrel server at <see cref="WebOptions.EffectiveListenUrl"/> with a POST route per registered
/// <see cref="IWebhookEndpoint"/>, and the GET routes of every <see cref="IListenerRoutes"/> that shares it (health). It starts before the services registered after the first endpoint, so a platform
/// that is told its webhook URL at start (Telegram's setWebhook) is already being listened for.
/// </summary>
public sealed partial class WebhookListener(
    IEnumerable<IWebhookEndpoint> endpoints,
    IEnumerable<IListenerRoutes> routes,
    IOptions<WebOptions> options,
    ILoggerFactory loggerFactory,
    ILogger<WebhookListener> logger) : IHostedService, IAsyncDisposable
{
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _app;

    /// <summary>The address Kestrel bound (with port 0, the port it picked).</summary>
    public Task<Uri> ListeningAsync => _listening.Task;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var all = endpoints.ToList();
        if (all.GroupBy(e => e.Path, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } clash)
        {
            throw new InvalidOperationException($"Two webhooks listen at the path {clash.Key}; give one of them another path.");
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        // Kestrel's own messages go to the host's logging, not to a second set of providers.
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.UseUrls(options.Value.EffectiveListenUrl);
        _app = builder.Build();
        foreach (var endpoint in all)
        {
            _app.MapPost(endpoint.Path, async context => await (await endpoint.HandleAsync(context)).ExecuteAsync(context));
        }

        foreach (var route in routes)
        {
            route.Map(_app);
        }

        await _app.StartAsync(cancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        _listening.TrySetResult(new Uri(address));
        Log.Listening(logger, address, string.Join(", ", all.Select(e => e.Path)));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(6001, LogLevel.Information, "Webhook listener on {Address} for {Paths}")]
        public static partial void Listening(ILogger logger, string address, string paths);
    }
}
