using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseBot.Core.Health;
using ReleaseBot.Core.Scheduling;

namespace ReleaseBot.HuggingFace.Polling;

/// <summary>Runs <see cref="VendorPollCycle"/> at start and every <see cref="HuggingFaceOptions.PollInterval"/>.</summary>
public sealed partial class VendorPoller(
    VendorPollCycle cycle,
    IOptions<HuggingFaceOptions> options,
    TimeProvider time,
    HealthState health,
    ILogger<VendorPoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Leave start-up at once: a slow Hub must not hold the host (and the chat adapters) back.
        await Task.Yield();
        health.Starting(HealthComponent.HubPoll);
        await PeriodicLoop.RunAsync(options.Value.PollInterval, time, cycle.RunAsync, OnFailed, stoppingToken);
    }

    private void OnFailed(Exception exception)
    {
        Log.TickFailed(logger, exception);
        ReleaseBotMetrics.PollErrors.Add(1, new KeyValuePair<string, object?>("kind", "vendors"));
        health.Failed(HealthComponent.HubPoll, $"vendors poll: {exception.GetType().Name}");
    }

    private static partial class Log
    {
        [LoggerMessage(3211, LogLevel.Error, "Vendor poll failed; next poll at the next interval")]
        public static partial void TickFailed(ILogger logger, Exception exception);
    }
}
