using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ReleaseBot.Web;

/// <summary>
/// A Kestrel server of the bot's own (webhooks, health) at one URL: built with the routes <c>map</c> adds, started,
/// stopped and disposed with the host. Kestrel's own messages go to the host's logging, not to a second set of providers.
/// </summary>
internal sealed class LocalServer : IAsyncDisposable
{
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _app;

    /// <summary>The address Kestrel bound (with port 0, the port it picked).</summary>
    public Task<Uri> ListeningAsync => _listening.Task;

    /// <returns>The address it listens on.</returns>
    public async Task<string> StartAsync(string url, ILoggerFactory loggerFactory, Action<WebApplication> map, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.UseUrls(url);
        _app = builder.Build();
        map(_app);
        await _app.StartAsync(cancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        _listening.TrySetResult(new Uri(address));
        return address;
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
}
