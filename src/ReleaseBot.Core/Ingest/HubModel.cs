using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Ingest;

/// <summary>
/// What a source knows about one model repo: a list item (vendor poll, trending) or a full detail
/// (model_info). Fields the source did not send are null, so a merge keeps the better value.
/// </summary>
public sealed record HubModel
{
    /// <summary><c>owner/name</c> as the Hub spells it.</summary>
    public required RepoId RepoId { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? LastModified { get; init; }
    public string? PipelineTag { get; init; }
    public string? LibraryName { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public bool? Private { get; init; }
    public bool? Disabled { get; init; }
    /// <summary>True for <c>"auto"</c> or <c>"manual"</c>, false for <c>false</c>, null when not sent.</summary>
    public bool? Gated { get; init; }
    /// <summary><c>safetensors.total</c> (exact count), null when absent.</summary>
    public long? SafetensorsTotal { get; init; }
    /// <summary><c>cardData.license</c> (or <c>license_name</c> for "other").</summary>
    public string? CardLicence { get; init; }
    /// <summary><c>cardData.base_model</c>, string or list.</summary>
    public IReadOnlyList<string> CardBaseModels { get; init; } = [];
    /// <summary>True when <c>siblings</c> lists README.md, false when it does not, null when siblings were not sent.</summary>
    public bool? HasReadme { get; init; }
    public long? TrendingScore { get; init; }
    public long? Likes { get; init; }
    public long? Downloads { get; init; }

    /// <summary>This model's fields, with <paramref name="other"/>'s where this one has none.</summary>
    public HubModel MergeWith(HubModel other) => this with
    {
        CreatedAt = CreatedAt ?? other.CreatedAt,
        LastModified = LastModified ?? other.LastModified,
        PipelineTag = PipelineTag ?? other.PipelineTag,
        LibraryName = LibraryName ?? other.LibraryName,
        Tags = Tags.Count > 0 ? Tags : other.Tags,
        Private = Private ?? other.Private,
        Disabled = Disabled ?? other.Disabled,
        Gated = Gated ?? other.Gated,
        SafetensorsTotal = SafetensorsTotal ?? other.SafetensorsTotal,
        CardLicence = CardLicence ?? other.CardLicence,
        CardBaseModels = CardBaseModels.Count > 0 ? CardBaseModels : other.CardBaseModels,
        HasReadme = HasReadme ?? other.HasReadme,
        TrendingScore = TrendingScore ?? other.TrendingScore,
        Likes = Likes ?? other.Likes,
        Downloads = Downloads ?? other.Downloads,
    };
}
