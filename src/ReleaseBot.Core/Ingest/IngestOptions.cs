namespace ReleaseBot.Core.Ingest;

/// <summary>Rules of the platform-neutral ingestion (bound from <c>ReleaseBot:HuggingFace</c> by the host; rank moves: <see cref="Domain.RankAlertRules"/>).</summary>
public sealed class IngestOptions
{
    /// <summary>On an org's first (baseline) poll, how many of its newest repos to announce anyway.</summary>
    public int BackfillCount { get; set; }

    /// <summary>How many unenriched releases one cycle retries.</summary>
    public int EnrichRetryBatch { get; set; } = 20;
}
