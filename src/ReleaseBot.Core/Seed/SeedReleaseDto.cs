namespace ReleaseBot.Core.Seed;

/// <summary>One Hugging Face repo as written in <c>config/releases.seed.json</c>.</summary>
public sealed record SeedReleaseDto
{
    public string? RepoId { get; init; }
    /// <summary>Optional; when given it must be the vendor owning the repo's org.</summary>
    public string? VendorId { get; init; }
    public string? Family { get; init; }
    /// <summary>Defaults to the repo name.</summary>
    public string? Title { get; init; }
    /// <summary>The reported announcement date (China time for the article).</summary>
    public DateTimeOffset? PublishedAt { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public long? TotalParams { get; init; }
    public long? ActiveParams { get; init; }
    public bool? ParamsEstimated { get; init; }
    /// <summary>A <see cref="Domain.Modality"/> name, e.g. <c>Text</c>, <c>ThreeD</c>.</summary>
    public string? Modality { get; init; }
    public string? PipelineTag { get; init; }
    public string? Licence { get; init; }
    public bool? Gated { get; init; }
    public bool? HasModelCard { get; init; }
    public bool? Official { get; init; }
    public string? BaseModel { get; init; }
    /// <summary>A <see cref="Domain.ReleaseStatus"/> name; defaults to <c>Released</c>.</summary>
    public string? Status { get; init; }
    public IReadOnlyList<string>? FormerRepoIds { get; init; }
    public string? Notes { get; init; }
}
