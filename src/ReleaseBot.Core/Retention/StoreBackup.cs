using Microsoft.Extensions.Logging;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Scheduling;

namespace ReleaseBot.Core.Retention;

/// <summary>
/// Writes the store's copy to <see cref="RetentionOptions.BackupPath"/> at start and every
/// <see cref="RetentionOptions.BackupEvery"/>, while the bot runs; nothing when no path is set. A failed backup
/// (disk full, folder missing) is an error in the log and the bot goes on; the previous copy stays as it was.
/// </summary>
public sealed partial class StoreBackup(
    IStoreMaintenance maintenance,
    RetentionOptions options,
    TimeProvider time,
    ILogger<StoreBackup> logger)
{
    public Task RunAsync(CancellationToken stoppingToken) =>
        string.IsNullOrWhiteSpace(options.BackupPath)
            ? Task.CompletedTask
            : PeriodicLoop.RunAsync(options.BackupEvery, time, BackupAsync, ex => Log.BackupFailed(logger, options.BackupPath, ex), stoppingToken);

    public Task BackupAsync(CancellationToken cancellationToken) => maintenance.BackupAsync(options.BackupPath, cancellationToken);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1711, Level = LogLevel.Error,
            Message = "Backing up the data file to {Target} failed; the previous backup is left as it was")]
        public static partial void BackupFailed(ILogger logger, string target, Exception exception);
    }
}
