using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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
        await Task.Yield();
        using var timer = new PeriodicTimer(options.Value.TrendingInterval, time);
        do
        {
            try
            {
                await cycle.RunAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                Log.TickFailed(logger, ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(3231, LogLevel.Error, "Trending poll failed; next poll at the next interval")]
        public static partial void TickFailed(ILogger logger, Exception exception);
    }
}
