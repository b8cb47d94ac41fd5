using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReleaseBot.HuggingFace.Polling;

/// <summary>Runs <see cref="VendorPollCycle"/> at start and every <see cref="HuggingFaceOptions.PollInterval"/>.</summary>
public sealed partial class VendorPoller(
    VendorPollCycle cycle,
    IOptions<HuggingFaceOptions> options,
    TimeProvider time,
    ILogger<VendorPoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Leave start-up at once: a slow Hub must not hold the host (and the chat adapters) back.
        await Task.Yield();
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
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
        [LoggerMessage(3211, LogLevel.Error, "Vendor poll failed; next poll at the next interval")]
        public static partial void TickFailed(ILogger logger, Exception exception);
    }
}
