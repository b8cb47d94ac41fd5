namespace ReleaseBot.Core.Ingest;

/// <summary>
/// Rules of the platform-neutral ingestion. The Hub source binds them from its own section
/// (<c>ReleaseBot:HuggingFace:BackfillCount</c> …); this class is their only holder.
/// </summary>
public sealed class IngestOptions
{
    /// <summary>On an org's first (baseline) poll, how many of its newest repos to announce anyway.</summary>
    public int BackfillCount { get; set; }

    /// <summary>How many unenriched releases one cycle retries.</summary>
    public int EnrichRetryBatch { get; set; } = 20;
}
