using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Vendors;

namespace ReleaseBot.Core.Ingest;

/// <summary>
/// Turns what the Hub said about a repo into a <see cref="Release"/>: vendor by owner only,
/// official or derivative through <c>base_model</c>, modality, family, parameters, licence.
/// </summary>
public static class ReleaseClassifier
{
    private static readonly string[] DerivativeRelations = ["finetune", "quantized", "adapter", "merge"];

    /// <summary>Base models from the <c>base_model:…</c> tags (relation prefixes removed), then from cardData; what is not a repo id is left out.</summary>
    public static IReadOnlyList<RepoId> BaseModelsOf(HubModel model)
    {
        var fromTags = model.Tags
            .Where(t => t.StartsWith("base_model:", StringComparison.OrdinalIgnoreCase))
            .Select(t => t["base_model:".Length..])
            .Select(StripRelation);
        return fromTags.Concat(model.CardBaseModels)
            .Select(b => RepoId.TryParse(b, out var id) ? id : null)
            .OfType<RepoId>()
            .Where(b => !b.Equals(model.RepoId))
            .Distinct()
            .ToList();
    }

    /// <summary>The derivative relation (<c>quantized</c>, <c>finetune</c>, …) from the tags, if any.</summary>
    public static string? RelationOf(HubModel model) =>
        model.Tags
            .Where(t => t.StartsWith("base_model:", StringComparison.OrdinalIgnoreCase))
            .Select(t => t["base_model:".Length..].Split(':')[0])
            .FirstOrDefault(r => DerivativeRelations.Contains(r, StringComparer.OrdinalIgnoreCase));

    public static string? LicenceOf(HubModel model) =>
        model.CardLicence ?? model.Tags
            .Where(t => t.StartsWith("license:", StringComparison.OrdinalIgnoreCase))
            .Select(t => t["license:".Length..])
            .FirstOrDefault();

    /// <summary>The longest vendor family the name starts with (spaces and dashes alike), else the name's first token.</summary>
    public static string? FamilyOf(string name, Vendor? vendor)
    {
        var normalisedName = Normalise(name);
        var family = vendor?.Families
            .Where(f => normalisedName.StartsWith(Normalise(f), StringComparison.OrdinalIgnoreCase))
            .MaxBy(f => f.Length);
        if (family is not null)
        {
            return family;
        }

        var first = name.Split('-', '_')[0];
        return first.Length > 0 ? first : null;
    }

    public static Release Classify(HubModel model, IReadOnlyList<Vendor> vendors, DiscoveryPath foundBy, DateTimeOffset now)
    {
        var vendor = VendorMatcher.ByOwner(vendors, model.RepoId);
        var baseModels = BaseModelsOf(model);
        var baseModel = baseModels.FirstOrDefault()?.ToString();
        var baseVendor = baseModels.Select(b => VendorMatcher.ByOwner(vendors, b)).FirstOrDefault(v => v is not null);
        var name = model.RepoId.Name;

        long? total = model.SafetensorsTotal;
        var totalEstimated = false;
        if (total is null)
        {
            total = ParameterEstimate.TotalFromName(name);
            totalEstimated = total is not null;
        }

        var active = ParameterEstimate.ActiveFromName(name);
        var relation = RelationOf(model);

        return new Release
        {
            Id = model.RepoId.ReleaseId,
            RepoId = model.RepoId,
            VendorId = vendor?.Id,
            BaseVendorId = vendor is null ? baseVendor?.Id : (baseVendor?.Id == vendor.Id ? null : baseVendor?.Id),
            Family = FamilyOf(name, vendor ?? baseVendor),
            Title = name,
            CreatedAt = model.CreatedAt,
            DetectedAt = now,
            Modality = ModalityMap.FromPipelineTag(model.PipelineTag),
            PipelineTag = model.PipelineTag,
            TotalParams = total,
            ActiveParams = active,
            TotalParamsEstimated = totalEstimated,
            ActiveParamsEstimated = active is not null,
            Licence = LicenceOf(model),
            Gated = model.Gated,
            HasModelCard = model.HasReadme,
            // A vendor's own repo is official; another owner's repo on a vendor's base is a derivative.
            Official = vendor is not null,
            BaseModel = baseModel,
            Status = ReleaseStatus.Released,
            FoundBy = foundBy,
            Enriched = model.HasReadme is not null,
            Notes = vendor is null && baseVendor is not null
                ? $"derivative ({relation ?? "based on"} {baseModel})"
                : null,
        };
    }

    private static string Normalise(string s) => s.Replace(' ', '-');

    // "base_model:quantized:Qwen/Qwen3-8B" → "Qwen/Qwen3-8B"
    private static string StripRelation(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && DerivativeRelations.Contains(value[..colon], StringComparer.OrdinalIgnoreCase) ? value[(colon + 1)..] : value;
    }
}
