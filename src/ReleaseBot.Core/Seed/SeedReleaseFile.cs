using System.Text.Json.Serialization;

namespace ReleaseBot.Core.Seed;

/// <summary>The root of <c>config/releases.seed.json</c>.</summary>
public sealed record SeedReleaseFile
{
    [JsonPropertyName("$comment")]
    public string? Comment { get; init; }
    public SeedSourceInfo? Source { get; init; }
    public IReadOnlyList<SeedReleaseDto>? Releases { get; init; }
    public IReadOnlyList<SeedSnapshotDto>? Snapshots { get; init; }
}
