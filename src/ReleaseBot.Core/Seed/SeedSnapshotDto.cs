namespace ReleaseBot.Core.Seed;

/// <summary>A bundled trending snapshot.</summary>
public sealed record SeedSnapshotDto
{
    public string? Id { get; init; }
    public DateTimeOffset? TakenAt { get; init; }
    public int? Size { get; init; }
    public string? Note { get; init; }
    public IReadOnlyList<SeedRankEntryDto>? Entries { get; init; }
}
