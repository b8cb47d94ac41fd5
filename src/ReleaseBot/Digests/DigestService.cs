using Microsoft.Extensions.Logging;
using ReleaseBot.Core.Digests;

namespace ReleaseBot.Digests;

/// <summary>Ticks the <see cref="DigestScheduler"/> every <see cref="DigestOptions.Tick"/>.</summary>
public sealed partial class DigestService(
    DigestScheduler scheduler,
    DigestOptions options,
    TimeProvider time,
    ILogger<DigestService> logger) : Microsoft.Extensions.Hosting.BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Tick, time);
        do
        {
            try
            {
                await scheduler.TickAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.TickFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3501, Level = LogLevel.Error, Message = "Digest tick failed")]
        public static partial void TickFailed(ILogger logger, Exception exception);
    }
}
