using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseBot.Core.Health;

namespace ReleaseBot.Web.Health;

/// <summary>
/// A Kestrel server of its own at <see cref="HealthOptions.ListenUrl"/> for the <see cref="HealthEndpoints"/>, used when
/// that URL is not the webhook listener's (health stays on a private address while webhooks face the internet).
/// </summary>
public sealed partial class HealthListener(
    HealthEndpoints endpoints,
    IOptions<HealthOptions> options,
    ILoggerFactory loggerFactory,
    ILogger<HealthListener> logger) : IHostedService, IAsyncDisposable
{
    private readonly LocalServer _server = new();

    /// <summary>The address Kestrel bound (with port 0, the port it picked).</summary>
    public Task<Uri> ListeningAsync => _server.ListeningAsync;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var address = await _server.StartAsync(options.Value.ListenUrl!, loggerFactory, endpoints.Map, cancellationToken);
        Log.Listening(logger, address);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _server.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static partial class Log
    {
        [LoggerMessage(6101, LogLevel.Information, "Health listener on {Address}: /healthz, /readyz, /metrics")]
        public static partial void Listening(ILogger logger, string address);
    }
}
