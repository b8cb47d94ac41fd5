namespace ReleaseBot.Core.Seed;

/// <summary>One place of a bundled trending snapshot; <see cref="RepoId"/> null where the source does not say.</summary>
public sealed record SeedRankEntryDto
{
    public int? Rank { get; init; }
    public string? RepoId { get; init; }
    public double? Score { get; init; }
    public string? VendorId { get; init; }
    public string? Label { get; init; }
    public string? Note { get; init; }
}
