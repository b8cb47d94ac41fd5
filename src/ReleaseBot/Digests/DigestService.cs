using Microsoft.Extensions.Logging;
using ReleaseBot.Core.Digests;
using ReleaseBot.Core.Scheduling;

namespace ReleaseBot.Digests;

/// <summary>Ticks the <see cref="DigestScheduler"/> every <see cref="DigestOptions.Tick"/>.</summary>
public sealed partial class DigestService(
    DigestScheduler scheduler,
    DigestOptions options,
    TimeProvider time,
    ILogger<DigestService> logger) : Microsoft.Extensions.Hosting.BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicLoop.RunAsync(options.Tick, time, scheduler.TickAsync, ex => Log.TickFailed(logger, ex), stoppingToken);

    private static partial class Log
    {
        [LoggerMessage(EventId = 9401, Level = LogLevel.Error, Message = "Digest tick failed")]
        public static partial void TickFailed(ILogger logger, Exception exception);
    }
}
