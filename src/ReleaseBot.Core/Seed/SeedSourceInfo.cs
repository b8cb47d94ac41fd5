namespace ReleaseBot.Core.Seed;

/// <summary>Where the bundled history comes from (the article), kept for provenance.</summary>
public sealed record SeedSourceInfo
{
    public string? Title { get; init; }
    public string? Author { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public string? Url { get; init; }
}
