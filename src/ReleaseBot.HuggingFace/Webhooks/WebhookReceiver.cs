using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ingest;

namespace ReleaseBot.HuggingFace.Webhooks;

/// <summary>
/// A small Kestrel endpoint for Hub webhooks. It checks <c>X-Webhook-Secret</c> (401 otherwise), answers 204 at
/// once (the Hub counts slow or non-2xx answers as failed deliveries) and queues the payload; the queue is
/// ingested in the background. The vendor poller reconciles anything a webhook missed.
/// </summary>
public sealed partial class WebhookReceiver(
    IOptions<HuggingFaceOptions> options,
    ReleaseIngestor ingestor,
    ILoggerFactory loggerFactory,
    ILogger<WebhookReceiver> logger) : BackgroundService
{
    private readonly Channel<HubWebhookEvent> _queue = Channel.CreateBounded<HubWebhookEvent>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _app;

    /// <summary>The address Kestrel bound (useful with port 0).</summary>
    public Task<Uri> ListeningAsync => _listening.Task;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.Webhook;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.UseUrls(settings.ListenUrl);
        _app = builder.Build();
        _app.MapPost(settings.Path, (Delegate)HandleAsync);
        await _app.StartAsync(cancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _listening.TrySetResult(new Uri(new Uri(address), settings.Path));
        Log.Listening(logger, address, settings.Path);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
            await _app.DisposeAsync();
        }

        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var hubEvent in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    var report = hubEvent.IsMove
                        ? await ingestor.IngestMoveAsync(hubEvent.RepoName, hubEvent.MovedTo!, DiscoveryPath.Webhook, stoppingToken)
                        : await ingestor.IngestRepoAsync(new HubModel { RepoId = hubEvent.RepoName, Private = false }, DiscoveryPath.Webhook, stoppingToken);
                    Log.Ingested(logger, hubEvent.Scope, hubEvent.Action, hubEvent.RepoName, report.Announced.Count);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    Log.IngestFailed(logger, hubEvent.RepoName, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; the poller picks up whatever was still queued.
        }
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        if (!WebhookSecret.Matches(context.Request.Headers["X-Webhook-Secret"].FirstOrDefault(), options.Value.Webhook.Secret ?? ""))
        {
            Log.BadSecret(logger, context.Connection.RemoteIpAddress?.ToString());
            return Results.Unauthorized();
        }

        HubWebhookEvent? hubEvent;
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            hubEvent = HubWebhookEvent.Parse(body.RootElement);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        if (hubEvent is null)
        {
            return Results.BadRequest();
        }

        if (hubEvent.IsPublication || hubEvent.IsMove)
        {
            _queue.Writer.TryWrite(hubEvent);
        }

        return Results.NoContent();
    }

    private static partial class Log
    {
        [LoggerMessage(3301, LogLevel.Information, "Hub webhook receiver listening on {Address}{Path}")]
        public static partial void Listening(ILogger logger, string address, string path);

        [LoggerMessage(3302, LogLevel.Warning, "Hub webhook with a wrong secret from {Remote} refused")]
        public static partial void BadSecret(ILogger logger, string? remote);

        [LoggerMessage(3303, LogLevel.Information, "Hub webhook {Scope}/{Action} for {RepoId}: {Announced} announced")]
        public static partial void Ingested(ILogger logger, string scope, string action, RepoId repoId, int announced);

        [LoggerMessage(3304, LogLevel.Error, "Hub webhook for {RepoId} could not be ingested; the poller will reconcile")]
        public static partial void IngestFailed(ILogger logger, RepoId repoId, Exception exception);
    }
}
