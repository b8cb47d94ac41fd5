namespace ReleaseBot.Core.Ingest;

/// <summary>What one ingestion step did (for logs, tests and the bench).</summary>
public sealed record IngestReport(int Listed, bool Baseline, IReadOnlyList<string> Stored, IReadOnlyList<string> Announced)
{
    public static IngestReport Empty { get; } = new(0, false, [], []);

    public IngestReport Add(IngestReport other) => new(
        Listed + other.Listed, Baseline || other.Baseline, [.. Stored, .. other.Stored], [.. Announced, .. other.Announced]);
}
