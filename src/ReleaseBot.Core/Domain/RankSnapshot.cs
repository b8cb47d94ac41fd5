namespace ReleaseBot.Core.Domain;

/// <summary>The trending list at one moment. Entries are ordered by rank; gaps are allowed.</summary>
public sealed record RankSnapshot
{
    /// <summary>Unique key, e.g. <c>trending:2025-07-30T00:00:00Z</c>.</summary>
    public required string Id { get; init; }
    public required DateTimeOffset TakenAt { get; init; }
    /// <summary>How many places the list had (10 for the article, TrendingTop for the poller).</summary>
    public required int Size { get; init; }
    public required IReadOnlyList<RankEntry> Entries { get; init; }
    /// <summary>Where the snapshot came from: <c>seed</c> or <c>hub</c>.</summary>
    public string Source { get; init; } = "hub";
    public string? Note { get; init; }

    public int? RankOf(RepoId repoId) =>
        Entries.FirstOrDefault(e => repoId.Equals(e.RepoId))?.Rank;
}
