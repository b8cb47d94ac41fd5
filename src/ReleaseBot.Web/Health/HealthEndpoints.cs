using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseBot.Core.Health;
using ReleaseBot.Core.Ports;

namespace ReleaseBot.Web.Health;

/// <summary>
/// <c>GET /healthz</c> (the process answers), <c>GET /readyz</c> (the store reads, every enabled platform is connected,
/// the last Hub poll is recent: 200, else 503 with one reason a line) and <c>GET /metrics</c> (Prometheus text).
/// </summary>
public sealed partial class HealthEndpoints(
    HealthState health,
    IStateStore store,
    PrometheusExporter exporter,
    IOptions<HealthOptions> options,
    ILogger<HealthEndpoints> logger) : IListenerRoutes
{
    public const string PrometheusContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>A store that cannot answer a key read in this time is as good as closed.</summary>
    private static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(5);

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", () => Results.Text("ok\n", "text/plain", Encoding.UTF8));
        // Written out, not returned: an async lambda that returns an IResult binds to RequestDelegate and its result is dropped.
        routes.MapGet("/readyz", async context => await (await ReadyAsync(context.RequestAborted)).ExecuteAsync(context));
        routes.MapGet("/metrics", () => Results.Text(exporter.Write(), PrometheusContentType));
    }

    private async Task<IResult> ReadyAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (await StoreProblemAsync(cancellationToken) is { } storeProblem)
        {
            problems.Add(storeProblem);
        }

        problems.AddRange(health.Check(options.Value.MaxPollAge).Problems);
        if (problems.Count == 0)
        {
            return Results.Text("ready\n", "text/plain", Encoding.UTF8);
        }

        Log.NotReady(logger, string.Join("; ", problems));
        return Results.Text("not ready\n" + string.Concat(problems.Select(p => p + "\n")), "text/plain", Encoding.UTF8, StatusCodes.Status503ServiceUnavailable);
    }

    private async Task<string?> StoreProblemAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StoreTimeout);
        try
        {
            await store.GetStateAsync("health:probe", timeout.Token);
            return null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.StoreFailed(logger, ex);
            return $"store: {ex.GetType().Name}";
        }
    }

    private static partial class Log
    {
        [LoggerMessage(6111, LogLevel.Information, "Not ready: {Problems}")]
        public static partial void NotReady(ILogger logger, string problems);

        [LoggerMessage(6112, LogLevel.Warning, "The store did not answer the readiness probe")]
        public static partial void StoreFailed(ILogger logger, Exception exception);
    }
}
