using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ingest;
using ReleaseBot.Web;

namespace ReleaseBot.HuggingFace.Webhooks;

/// <summary>
/// The Hub webhook endpoint on the shared <see cref="WebhookListener"/>. It checks <c>X-Webhook-Secret</c> (401 otherwise), answers 204 at
/// once (the Hub counts slow or non-2xx answers as failed deliveries) and queues the payload; the queue is
/// ingested in the background. The vendor poller reconciles anything a webhook missed.
/// </summary>
public sealed partial class WebhookReceiver(
    IOptions<HuggingFaceOptions> options,
    ReleaseIngestor ingestor,
    ILogger<WebhookReceiver> logger) : BackgroundService, IWebhookEndpoint
{
    private readonly Channel<HubWebhookEvent> _queue = Channel.CreateBounded<HubWebhookEvent>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public string Path => options.Value.Webhook.Path;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
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

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        if (!SecretCheck.Matches(context.Request.Headers["X-Webhook-Secret"].FirstOrDefault(), options.Value.Webhook.Secret ?? ""))
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
        [LoggerMessage(3302, LogLevel.Warning, "Hub webhook with a wrong secret from {Remote} refused")]
        public static partial void BadSecret(ILogger logger, string? remote);

        [LoggerMessage(3303, LogLevel.Information, "Hub webhook {Scope}/{Action} for {RepoId}: {Announced} announced")]
        public static partial void Ingested(ILogger logger, string scope, string action, RepoId repoId, int announced);

        [LoggerMessage(3304, LogLevel.Error, "Hub webhook for {RepoId} could not be ingested; the poller will reconcile")]
        public static partial void IngestFailed(ILogger logger, RepoId repoId, Exception exception);
    }
}
