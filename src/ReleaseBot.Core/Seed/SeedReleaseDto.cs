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
    /// <summary>The total is approximate or derived (e.g. read from the repo name).</summary>
    public bool? TotalParamsEstimated { get; init; }
    /// <summary>The active count is approximate or derived.</summary>
    public bool? ActiveParamsEstimated { get; init; }
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
    /// <summary>How the status came to be, oldest first, each step with its date; the last step is the status.</summary>
    public IReadOnlyList<SeedStatusChangeDto>? StatusHistory { get; init; }
    public IReadOnlyList<string>? FormerRepoIds { get; init; }
    public string? Notes { get; init; }
    /// <summary><see cref="Domain.ReleaseCaveat"/> names: weak spots of these facts, shown with the release.</summary>
    public IReadOnlyList<string>? Caveats { get; init; }
}
