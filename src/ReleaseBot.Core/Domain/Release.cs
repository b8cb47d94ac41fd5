namespace ReleaseBot.Core.Domain;

/// <summary>One model repo on the Hub, as the bot knows it.</summary>
public sealed record Release
{
    /// <summary><c>hf:owner/name</c>, the natural unique key.</summary>
    public required string Id { get; init; }
    /// <summary><c>owner/name</c> as on the Hub (final id after renames).</summary>
    public required RepoId RepoId { get; init; }
    /// <summary>Vendor id by repo owner; null for repos of unknown owners.</summary>
    public string? VendorId { get; init; }
    /// <summary>For derivatives: the vendor of the base model.</summary>
    public string? BaseVendorId { get; init; }
    public string? Family { get; init; }
    public required string Title { get; init; }
    /// <summary>Hub <c>createdAt</c>; may be long before the repo went public.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
    /// <summary>When the bot first saw the repo.</summary>
    public required DateTimeOffset DetectedAt { get; init; }
    /// <summary>Announcement/publication date as reported (seed: the article's date).</summary>
    public DateTimeOffset? PublishedAt { get; init; }
    public Modality Modality { get; init; }
    public string? PipelineTag { get; init; }
    public long? TotalParams { get; init; }
    public long? ActiveParams { get; init; }
    /// <summary>True when <see cref="TotalParams"/> is a guess (from the name, e.g. <c>235B</c>, or derived) rather than a safetensors count.</summary>
    public bool TotalParamsEstimated { get; init; }
    /// <summary>True when <see cref="ActiveParams"/> is a guess (from the name, e.g. <c>A22B</c>, or derived); the Hub never counts active parameters.</summary>
    public bool ActiveParamsEstimated { get; init; }
    public string? Licence { get; init; }
    public bool? Gated { get; init; }
    public bool? HasModelCard { get; init; }
    /// <summary>Published by the vendor itself (not a quantisation or fine-tune by someone else).</summary>
    public bool Official { get; init; } = true;
    public string? BaseModel { get; init; }
    public ReleaseStatus Status { get; init; }
    /// <summary>How <see cref="Status"/> came to be, oldest first, each step with the date it was true; the last step is
    /// <see cref="Status"/>. Empty when only the current status is known (see <see cref="StatusSteps"/>).</summary>
    public IReadOnlyList<StatusChange> StatusHistory { get; init; } = [];
    public DiscoveryPath FoundBy { get; init; }
    /// <summary>Former repo ids (renames followed via 307).</summary>
    public IReadOnlyList<RepoId> FormerRepoIds { get; init; } = [];
    /// <summary>True once enrichment from model_info succeeded.</summary>
    public bool Enriched { get; init; }
    public string? Notes { get; init; }
    /// <summary>Weak spots of the recorded facts (a licence from a catalogue, research-only terms, an unverified repo id).</summary>
    public IReadOnlyList<ReleaseCaveat> Caveats { get; init; } = [];

    /// <summary>The status history, or the current status as of the release's date when no history is recorded.</summary>
    public IReadOnlyList<StatusChange> StatusSteps =>
        StatusHistory.Count > 0 ? StatusHistory : [new StatusChange(Status, PublishedAt ?? CreatedAt ?? DetectedAt)];

    public string Url => RepoId.Url;
    public string Owner => RepoId.Owner;
}
