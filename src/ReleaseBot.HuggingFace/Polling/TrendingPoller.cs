using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseBot.Core.Health;
using ReleaseBot.Core.Scheduling;

namespace ReleaseBot.HuggingFace.Polling;

/// <summary>Runs <see cref="TrendingCycle"/> at start and every <see cref="HuggingFaceOptions.TrendingInterval"/>.</summary>
public sealed partial class TrendingPoller(
    TrendingCycle cycle,
    IOptions<HuggingFaceOptions> options,
    TimeProvider time,
    HealthState health,
    ILogger<TrendingPoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Leave start-up at once: a slow Hub must not hold the host (and the chat adapters) back.
        await Task.Yield();
        await PeriodicLoop.RunAsync(options.Value.TrendingInterval, time, cycle.RunAsync, OnFailed, stoppingToken);
    }

    private void OnFailed(Exception exception)
    {
        Log.TickFailed(logger, exception);
        ReleaseBotMetrics.PollErrors.Add(1, new KeyValuePair<string, object?>("kind", "trending"));
        health.Noted(HealthComponent.HubPoll, $"trending poll: {exception.GetType().Name}");
    }

    private static partial class Log
    {
        [LoggerMessage(3231, LogLevel.Error, "Trending poll failed; next poll at the next interval")]
        public static partial void TickFailed(ILogger logger, Exception exception);
    }
}
