using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
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
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _app;

    /// <summary>The address Kestrel bound (with port 0, the port it picked).</summary>
    public Task<Uri> ListeningAsync => _listening.Task;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.UseUrls(options.Value.ListenUrl!);
        _app = builder.Build();
        endpoints.Map(_app);
        await _app.StartAsync(cancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        _listening.TrySetResult(new Uri(address));
        Log.Listening(logger, address);
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
        [LoggerMessage(6101, LogLevel.Information, "Health listener on {Address}: /healthz, /readyz, /metrics")]
        public static partial void Listening(ILogger logger, string address);
    }
}
