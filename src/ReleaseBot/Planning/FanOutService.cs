using Microsoft.Extensions.Logging;
using ReleaseBot.Core.Planning;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Scheduling;

namespace ReleaseBot.Planning;

/// <summary>
/// Goes on with open fan-outs every <see cref="Tick"/> (and at start, so a restart resumes those it finds), as far as
/// the platforms with a sender need rows (see <see cref="DeliveryPlanner.AdvanceOpenAsync"/>).
/// </summary>
public sealed partial class FanOutService(
    DeliveryPlanner planner,
    IEnumerable<IMessageSender> senders,
    TimeProvider time,
    ILogger<FanOutService> logger) : Microsoft.Extensions.Hosting.BackgroundService
{
    /// <summary>Dispatch has at least <see cref="DeliveryPlanner.LowWater"/> rows (many seconds of sending) when it waits this long.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var platforms = senders.Select(s => s.Platform).Distinct().ToList();
        return PeriodicLoop.RunAsync(
            Tick, time, ct => planner.AdvanceOpenAsync(platforms, ct), ex => Log.AdvanceFailed(logger, ex), stoppingToken);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9501, Level = LogLevel.Error, Message = "Writing the next rows of an open fan-out failed; tried again in a second")]
        public static partial void AdvanceFailed(ILogger logger, Exception exception);
    }
}
