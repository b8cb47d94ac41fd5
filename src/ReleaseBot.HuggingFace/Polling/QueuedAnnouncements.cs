using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReleaseBot.Core.Ingest;

namespace ReleaseBot.HuggingFace.Polling;

/// <summary>
/// At start, before the pollers and the webhook: announces the releases the last run stored but was stopped (or
/// killed) before announcing. Only leftovers are queued then, so nothing the new run finds can be announced twice.
/// </summary>
public sealed partial class QueuedAnnouncements(ReleaseIngestor ingestor, ILogger<QueuedAnnouncements> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ingestor.AnnounceQueuedAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Still queued: the next start tries again. The bot itself must start.
            Log.Failed(logger, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(3241, LogLevel.Error, "Announcing the releases left unannounced by the last run failed; they stay queued for the next start")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
