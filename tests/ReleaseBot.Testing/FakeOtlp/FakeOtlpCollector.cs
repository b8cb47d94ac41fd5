using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ReleaseBot.Testing.FakeOtlp;

/// <summary>
/// An OpenTelemetry collector's OTLP/HTTP receiver on 127.0.0.1 (a port the OS picks): it keeps every POST to
/// <c>/v1/metrics</c> as it came and answers 200 with an empty body, which is an empty <c>ExportMetricsServiceResponse</c>.
/// </summary>
public sealed class FakeOtlpCollector : IAsyncDisposable
{
    private readonly ConcurrentQueue<FakeOtlpPost> _posts = new();
    private WebApplication? _app;

    /// <summary>The base URL, e.g. <c>http://127.0.0.1:51234</c>, as <c>ReleaseBot:Telemetry:OtlpEndpoint</c> takes it.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<FakeOtlpPost> Posts => [.. _posts];

    public static async Task<FakeOtlpCollector> StartAsync(CancellationToken cancellationToken = default)
    {
        var collector = new FakeOtlpCollector();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/v1/metrics", collector.ReceiveAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        collector.BaseUrl = new Uri(address.TrimEnd('/'));
        collector._app = app;
        return collector;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        _posts.Enqueue(new FakeOtlpPost(context.Request.ContentType, body.ToArray()));
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/x-protobuf";
    }
}
