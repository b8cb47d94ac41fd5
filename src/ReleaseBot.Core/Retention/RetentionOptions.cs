namespace ReleaseBot.Core.Retention;

/// <summary>Settings of section <c>ReleaseBot:Store</c>: how long finished deliveries are kept, and the backup schedule.</summary>
public sealed class RetentionOptions
{
    public const string Section = "ReleaseBot:Store";

    /// <summary>Sent, failed and dropped delivery rows older than this are pruned; pending rows never are.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the prune runs (also once at start).</summary>
    public TimeSpan PruneEvery { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// Where a consistent copy of the data file is written while the bot runs (relative: beside the data file); empty:
    /// no backups. Each backup replaces the last one.
    /// </summary>
    public string BackupPath { get; set; } = "";

    /// <summary>How often the backup is written (also once at start).</summary>
    public TimeSpan BackupEvery { get; set; } = TimeSpan.FromDays(1);
}
