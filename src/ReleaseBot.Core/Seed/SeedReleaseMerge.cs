using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Seed;

/// <summary>
/// How a seed release meets what the store already holds. The seed is the weakest source: it owns
/// rows only it created (found by Seed, never enriched); on rows a poller found or enrichment
/// completed it may only fill what is still unknown (e.g. the article's publication date).
/// </summary>
public static class SeedReleaseMerge
{
    /// <summary>The row to write (null when nothing changes) and what happened.</summary>
    public static (Release? Write, SeedMergeOutcome Outcome) Merge(Release? existing, Release seed)
    {
        if (existing is null)
        {
            return (seed, SeedMergeOutcome.Inserted);
        }

        if (existing.FoundBy == DiscoveryPath.Seed && !existing.Enriched)
        {
            // Keep the stored id: the row may have been found through a former repo id.
            var replaced = seed with { Id = existing.Id, FormerRepoIds = Union(existing.FormerRepoIds, seed.FormerRepoIds) };
            return SameFacts(existing, replaced) ? (null, SeedMergeOutcome.Unchanged) : (replaced, SeedMergeOutcome.Updated);
        }

        var filled = FillGaps(existing, seed);
        return SameFacts(existing, filled) ? (null, SeedMergeOutcome.Unchanged) : (filled, SeedMergeOutcome.Filled);
    }

    private static Release FillGaps(Release existing, Release seed)
    {
        var noParams = existing.TotalParams is null && existing.ActiveParams is null;
        return existing with
        {
            VendorId = existing.VendorId ?? seed.VendorId,
            Family = existing.Family ?? seed.Family,
            CreatedAt = existing.CreatedAt ?? seed.CreatedAt,
            PublishedAt = existing.PublishedAt ?? seed.PublishedAt,
            Modality = existing.Modality == Modality.Unknown ? seed.Modality : existing.Modality,
            PipelineTag = existing.PipelineTag ?? seed.PipelineTag,
            TotalParams = noParams ? seed.TotalParams : existing.TotalParams,
            ActiveParams = noParams ? seed.ActiveParams : existing.ActiveParams,
            TotalParamsEstimated = noParams ? seed.TotalParamsEstimated : existing.TotalParamsEstimated,
            ActiveParamsEstimated = noParams ? seed.ActiveParamsEstimated : existing.ActiveParamsEstimated,
            Licence = existing.Licence ?? seed.Licence,
            Gated = existing.Gated ?? seed.Gated,
            HasModelCard = existing.HasModelCard ?? seed.HasModelCard,
            BaseModel = existing.BaseModel ?? seed.BaseModel,
            FormerRepoIds = Union(existing.FormerRepoIds, seed.FormerRepoIds),
            Notes = existing.Notes ?? seed.Notes,
            StatusHistory = existing.StatusHistory.Count > 0 || existing.Status != seed.Status ? existing.StatusHistory : seed.StatusHistory,
            // The row came from the Hub: only caveats the Hub cannot settle carry over.
            Caveats = existing.Caveats.Count > 0 ? existing.Caveats : ReleaseCaveats.AfterHubRead(seed.Caveats, licenceFromHub: existing.Licence is not null),
        };
    }

    private static IReadOnlyList<RepoId> Union(IReadOnlyList<RepoId> first, IReadOnlyList<RepoId> second) =>
        second.All(first.Contains)
            ? first
            : [.. first.Concat(second).Distinct()];

    // Record equality compares lists by reference; compare their items instead.
    private static bool SameFacts(Release a, Release b) =>
        a.FormerRepoIds.SequenceEqual(b.FormerRepoIds)
        && a.StatusHistory.SequenceEqual(b.StatusHistory)
        && a.Caveats.SequenceEqual(b.Caveats)
        && a == (b with { FormerRepoIds = a.FormerRepoIds, StatusHistory = a.StatusHistory, Caveats = a.Caveats });
}
