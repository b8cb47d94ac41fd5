namespace ReleaseBot.Core.Ingest;

/// <summary>Rules of the platform-neutral ingestion (bound from <c>ReleaseBot:HuggingFace</c> by the host).</summary>
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
