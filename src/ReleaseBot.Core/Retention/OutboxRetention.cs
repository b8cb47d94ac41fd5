using Microsoft.Extensions.Logging;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Scheduling;

namespace ReleaseBot.Core.Retention;

/// <summary>
/// Prunes finished delivery rows older than <see cref="RetentionOptions.Retention"/> (and the events only they
/// referred to) at start and every <see cref="RetentionOptions.PruneEvery"/>, then lets the store compact its file
/// when that pays. Pending rows are never pruned: they are work still owed.
/// </summary>
public sealed partial class OutboxRetention(
    IOutbox outbox,
    IStoreMaintenance maintenance,
    RetentionOptions options,
    TimeProvider time,
    ILogger<OutboxRetention> logger)
{
    public Task RunAsync(CancellationToken stoppingToken) =>
        PeriodicLoop.RunAsync(options.PruneEvery, time, PruneAsync, ex => Log.PruneFailed(logger, ex), stoppingToken);

    public async Task<OutboxPruneResult> PruneAsync(CancellationToken cancellationToken)
    {
        var cutOff = time.GetUtcNow() - options.Retention;
        var pruned = await outbox.PruneAsync(cutOff, cancellationToken);
        if (pruned.Deliveries + pruned.Events > 0)
        {
            Log.Pruned(logger, pruned.Deliveries, pruned.Events, cutOff);
        }

        await maintenance.CompactIfWorthwhileAsync(pruned.Deliveries + pruned.Events, cancellationToken);
        return pruned;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1701, Level = LogLevel.Information,
            Message = "Pruned {Deliveries} finished deliveries and {Events} events from before {CutOff:O}")]
        public static partial void Pruned(ILogger logger, int deliveries, int events, DateTimeOffset cutOff);

        [LoggerMessage(EventId = 1702, Level = LogLevel.Error, Message = "Outbox retention pass failed")]
        public static partial void PruneFailed(ILogger logger, Exception exception);
    }
}
