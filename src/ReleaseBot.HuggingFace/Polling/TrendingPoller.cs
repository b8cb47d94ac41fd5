using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseBot.Core.Scheduling;

namespace ReleaseBot.HuggingFace.Polling;

/// <summary>Runs <see cref="TrendingCycle"/> at start and every <see cref="HuggingFaceOptions.TrendingInterval"/>.</summary>
public sealed partial class TrendingPoller(
    TrendingCycle cycle,
    IOptions<HuggingFaceOptions> options,
    TimeProvider time,
    ILogger<TrendingPoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Leave start-up at once: a slow Hub must not hold the host (and the chat adapters) back.
        await Task.Yield();
        await PeriodicLoop.RunAsync(options.Value.TrendingInterval, time, cycle.RunAsync, ex => Log.TickFailed(logger, ex), stoppingToken);
    }

    private static partial class Log
    {
        [LoggerMessage(3231, LogLevel.Error, "Trending poll failed; next poll at the next interval")]
        public static partial void TickFailed(ILogger logger, Exception exception);
    }
}
