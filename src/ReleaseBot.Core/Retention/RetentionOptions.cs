namespace ReleaseBot.Core.Retention;

/// <summary>Settings of section <c>ReleaseBot:Store</c>: how long finished deliveries are kept.</summary>
public sealed class RetentionOptions
{
    public const string Section = "ReleaseBot:Store";

    /// <summary>Sent, failed and dropped delivery rows older than this are pruned; pending rows never are.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the prune runs (also once at start).</summary>
    public TimeSpan PruneEvery { get; set; } = TimeSpan.FromHours(6);
}
