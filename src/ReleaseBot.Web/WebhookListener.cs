using Microsoft.AspNetCore.Builder;
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
    private readonly LocalServer _server = new();

    /// <summary>The address Kestrel bound (with port 0, the port it picked).</summary>
    public Task<Uri> ListeningAsync => _server.ListeningAsync;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var all = endpoints.ToList();
        if (all.GroupBy(e => e.Path, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } clash)
        {
            throw new InvalidOperationException($"Two webhooks listen at the path {clash.Key}; give one of them another path.");
        }

        var address = await _server.StartAsync(options.Value.EffectiveListenUrl, loggerFactory, app =>
        {
            foreach (var endpoint in all)
            {
                app.MapPost(endpoint.Path, async context => await (await endpoint.HandleAsync(context)).ExecuteAsync(context));
            }

            foreach (var route in routes)
            {
                route.Map(app);
            }
        }, cancellationToken);
        Log.Listening(logger, address, string.Join(", ", all.Select(e => e.Path)));
    }

    public Task StopAsync(CancellationToken cancellationToken) => _server.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static partial class Log
    {
        [LoggerMessage(6001, LogLevel.Information, "Webhook listener on {Address} for {Paths}")]
        public static partial void Listening(ILogger logger, string address, string paths);
    }
}
