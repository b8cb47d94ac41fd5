using Microsoft.Extensions.Logging;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;

namespace ReleaseBot.Core.Ingest;

/// <summary>
/// Retries model_info for releases stored without it (the Hub failed when they were found) and
/// updates the stored release. The announcement never waits for this: the composer reads the store at send time.
/// </summary>
public sealed partial class ReleaseEnrichment(
    IReleaseStore releases,
    IVendorStore vendorStore,
    IModelDetailSource details,
    IngestOptions options,
    ILogger<ReleaseEnrichment> logger)
{
    /// <summary>Returns how many releases were updated.</summary>
    public async Task<int> RetryAsync(CancellationToken cancellationToken)
    {
        var pending = (await releases.GetUnenrichedAsync(options.EnrichRetryBatch, cancellationToken))
            .Where(r => r.FoundBy != DiscoveryPath.Seed)
            .ToList();
        if (pending.Count == 0)
        {
            return 0;
        }

        var vendors = await vendorStore.GetVendorsAsync(cancellationToken);
        var updated = 0;
        foreach (var release in pending)
        {
            switch (await details.GetDetailAsync(release.RepoId, cancellationToken))
            {
                case ModelDetailResult.Found found:
                    await releases.UpsertReleaseAsync(Apply(release, found.Model, vendors), cancellationToken);
                    updated++;
                    Log.Enriched(logger, release.RepoId);
                    break;
                case ModelDetailResult.NotVisible notVisible:
                    // Gone again (made private or deleted): stop asking; the release stays as it was announced.
                    await releases.UpsertReleaseAsync(release with { Enriched = true, Notes = $"not visible on the Hub: {notVisible.Reason}" }, cancellationToken);
                    break;
                case ModelDetailResult.Failed failed:
                    Log.StillFailing(logger, release.RepoId, failed.Reason);
                    break;
            }
        }

        return updated;
    }

    /// <summary>The stored release with the detail's facts; identity, vendor and discovery stay as first recorded.</summary>
    public static Release Apply(Release release, HubModel detail, IReadOnlyList<Vendor> vendors)
    {
        var fresh = ReleaseClassifier.Classify(detail, vendors, release.FoundBy, release.DetectedAt);
        var renamed = !detail.RepoId.Equals(release.RepoId);
        var result = release with
        {
            RepoId = renamed ? detail.RepoId : release.RepoId,
            CreatedAt = detail.CreatedAt ?? release.CreatedAt,
            Modality = fresh.Modality == Modality.Unknown ? release.Modality : fresh.Modality,
            PipelineTag = fresh.PipelineTag ?? release.PipelineTag,
            TotalParams = fresh.TotalParams ?? release.TotalParams,
            ActiveParams = fresh.ActiveParams ?? release.ActiveParams,
            TotalParamsEstimated = fresh.TotalParams is null ? release.TotalParamsEstimated : fresh.TotalParamsEstimated,
            ActiveParamsEstimated = fresh.ActiveParams is null ? release.ActiveParamsEstimated : fresh.ActiveParamsEstimated,
            Licence = fresh.Licence ?? release.Licence,
            Gated = fresh.Gated ?? release.Gated,
            HasModelCard = fresh.HasModelCard ?? release.HasModelCard,
            BaseModel = release.BaseModel ?? fresh.BaseModel,
            Family = release.Family ?? fresh.Family,
            Caveats = ReleaseCaveats.AfterHubRead(release.Caveats, licenceFromHub: fresh.Licence is not null),
            Enriched = true,
        };
        return renamed ? ReleaseIngestor.WithFormerId(result, release.RepoId) : result;
    }

    private static partial class Log
    {
        [LoggerMessage(1111, LogLevel.Information, "Enriched {RepoId} on retry")]
        public static partial void Enriched(ILogger logger, RepoId repoId);

        [LoggerMessage(1112, LogLevel.Warning, "Enrichment of {RepoId} still failing ({Reason})")]
        public static partial void StillFailing(ILogger logger, RepoId repoId, string reason);
    }
}
