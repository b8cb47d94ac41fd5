namespace ReleaseBot.Core.Ingest;

/// <summary>
/// Rules of the platform-neutral ingestion. The Hub source binds them from its own section
/// (<c>ReleaseBot:HuggingFace:BackfillCount</c> …); this class is their only holder.
/// </summary>
public sealed class IngestOptions
{
    /// <summary>On an org's first (baseline) poll, how many of its newest repos to announce anyway.</summary>
    public int BackfillCount { get; set; }

    /// <summary>A move into places 1..N raises "entered the top N".</summary>
    public int EnteredTopRank { get; set; } = 10;

    /// <summary>A climb of at least this many places raises "climbed".</summary>
    public int ClimbPlaces { get; set; } = 10;

    /// <summary>How many unenriched releases one cycle retries.</summary>
    public int EnrichRetryBatch { get; set; } = 20;
}
