using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ingest;
using ReleaseBot.Core.Ports;
using ReleaseBot.Web;

namespace ReleaseBot.HuggingFace.Webhooks;

/// <summary>
/// The Hub webhook endpoint on the shared <see cref="WebhookListener"/>. It checks <c>X-Webhook-Secret</c> (401
/// otherwise), keeps the notice in the store (<see cref="IRepoInbox"/>) and only then answers 204, at once (the Hub
/// counts slow or non-2xx answers as failed deliveries); a background loop ingests the kept notices oldest first and
/// removes each once ingested. A process killed after the answer ingests the notice at its next start, with polling
/// off as well. A notice that fails (the Hub is down) is tried again every <see cref="HubWebhookOptions.RetryAfter"/>,
/// for up to <see cref="GiveUpAfter"/>.
/// </summary>
public sealed partial class WebhookReceiver(
    IOptions<HuggingFaceOptions> options,
    ReleaseIngestor ingestor,
    IRepoInbox inbox,
    TimeProvider time,
    ILogger<WebhookReceiver> logger) : BackgroundService, IWebhookEndpoint
{
    /// <summary>A notice that still fails this long after it came is dropped: by then the vendor poll has found the repo, if it exists.</summary>
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromDays(1);

    private const int Page = 100;

    // Wakes the loop when a notice is kept; one pending wake is enough, the loop reads every kept notice.
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public string Path => options.Value.Webhook.Path;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _wake.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            Task<bool>? woken = null;
            while (true)
            {
                var failed = await IngestKeptAsync(stoppingToken);
                woken ??= _wake.Reader.WaitToReadAsync(stoppingToken).AsTask();
                if (failed && await Task.WhenAny(woken, Task.Delay(options.Value.Webhook.RetryAfter, time, stoppingToken)) != woken)
                {
                    continue; // time to try again; the wait for a new notice stays as it is
                }

                if (!await woken)
                {
                    return; // stopping: what is kept waits for the next start
                }

                woken = null;
                _wake.Reader.TryRead(out _);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; kept notices are ingested at the next start.
        }
    }

    /// <summary>Ingests the kept notices in order; true when one failed (it and those after it wait for the retry).</summary>
    private async Task<bool> IngestKeptAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            var notices = await inbox.GetAsync(Page, stoppingToken);
            foreach (var notice in notices)
            {
                try
                {
                    var report = notice.MovedTo is { } movedTo
                        ? await ingestor.IngestMoveAsync(notice.RepoId, movedTo, DiscoveryPath.Webhook, stoppingToken)
                        : await ingestor.IngestRepoAsync(new HubModel { RepoId = notice.RepoId, Private = false }, DiscoveryPath.Webhook, stoppingToken);
                    Log.Ingested(logger, notice.RepoId, report.Announced.Count);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    if (time.GetUtcNow() - notice.ReceivedAt < GiveUpAfter)
                    {
                        Log.IngestFailed(logger, notice.RepoId, options.Value.Webhook.RetryAfter, ex);
                        return true;
                    }

                    Log.GaveUp(logger, notice.RepoId, GiveUpAfter, ex);
                }

                await inbox.RemoveAsync(notice.Id, stoppingToken);
            }

            if (notices.Count < Page)
            {
                return false;
            }
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
            var notice = new RepoNotice
            {
                RepoId = hubEvent.RepoName,
                MovedTo = hubEvent.IsMove ? hubEvent.MovedTo : null,
                ReceivedAt = time.GetUtcNow(),
            };
            try
            {
                await inbox.AddAsync(notice, CancellationToken.None);
            }
            catch (Exception ex)
            {
                // Not kept, so not acknowledged: the Hub sends it again.
                Log.NotKept(logger, hubEvent.RepoName, ex);
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            Log.Kept(logger, hubEvent.Scope, hubEvent.Action, hubEvent.RepoName);
            _wake.Writer.TryWrite(true);
        }

        return Results.NoContent();
    }

    private static partial class Log
    {
        [LoggerMessage(3302, LogLevel.Warning, "Hub webhook with a wrong secret from {Remote} refused")]
        public static partial void BadSecret(ILogger logger, string? remote);

        [LoggerMessage(3303, LogLevel.Information, "Hub webhook for {RepoId} ingested: {Announced} announced")]
        public static partial void Ingested(ILogger logger, RepoId repoId, int announced);

        [LoggerMessage(3304, LogLevel.Error, "Hub webhook for {RepoId} could not be ingested; kept, tried again in {RetryAfter}")]
        public static partial void IngestFailed(ILogger logger, RepoId repoId, TimeSpan retryAfter, Exception exception);

        [LoggerMessage(3305, LogLevel.Warning, "Hub webhook for {RepoId} still failed {GiveUpAfter} after it came; dropped (the vendor poll finds the repo if it exists)")]
        public static partial void GaveUp(ILogger logger, RepoId repoId, TimeSpan giveUpAfter, Exception exception);

        [LoggerMessage(3306, LogLevel.Error, "Hub webhook for {RepoId} could not be kept in the store; answered 503 so the Hub sends it again")]
        public static partial void NotKept(ILogger logger, RepoId repoId, Exception exception);

        [LoggerMessage(3307, LogLevel.Debug, "Hub webhook {Scope}/{Action} for {RepoId} kept")]
        public static partial void Kept(ILogger logger, string scope, string action, RepoId repoId);
    }
}
