using Microsoft.Extensions.Logging;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Vendors;

namespace ReleaseBot.Core.Ingest;

/// <summary>
/// Decides which repos are new releases and announces them. A repo is new when its id (or a former id)
/// was never stored: an id-set difference, never a <c>createdAt</c> cut-off, so a repo staged privately
/// and published weeks later is still announced. An org's first poll is a silent baseline.
/// Storing with a unique key comes before publishing, so two paths finding one repo announce it once.
/// </summary>
public sealed partial class ReleaseIngestor(
    IReleaseStore releases,
    IStateStore state,
    IWatchStore watches,
    IVendorStore vendorStore,
    IEventSink sink,
    IModelDetailSource details,
    IngestOptions options,
    TimeProvider time,
    ILogger<ReleaseIngestor> logger)
{
    public static string BaselineKey(string org) => $"hf:baseline:{org.ToLowerInvariant()}";

    /// <summary>One vendor org's listing from a poll (newest first, one or more pages).</summary>
    public async Task<IngestReport> IngestOrgListingAsync(string org, IReadOnlyList<HubModel> listing, CancellationToken cancellationToken)
    {
        var vendors = await vendorStore.GetVendorsAsync(cancellationToken);
        var known = await releases.GetRepoIdsByOwnerAsync(org, cancellationToken);
        var visible = listing
            .Where(m => m.RepoId.HasOwner(org) && m.Private != true && m.Disabled != true)
            .ToList();

        var unseen = new List<HubModel>();
        foreach (var model in visible.Where(m => !known.Contains(m.RepoId)))
        {
            if (await releases.FindByRepoIdAsync(model.RepoId, cancellationToken) is null)
            {
                unseen.Add(model);
            }
        }

        var baseline = await state.GetStateAsync(BaselineKey(org), cancellationToken) is null;
        var stored = new List<string>();
        var announced = new List<string>();
        if (baseline)
        {
            var backfill = unseen.OrderByDescending(m => m.CreatedAt).Take(options.BackfillCount).Select(m => m.RepoId).ToHashSet();
            await AddNewAsync(unseen.Where(m => backfill.Contains(m.RepoId)), DiscoveryPath.VendorPoll, vendors, stored, announced, cancellationToken);
            var quiet = await releases.TryAddReleasesAsync([.. unseen.Where(m => !backfill.Contains(m.RepoId)).Select(m => Quiet(m, vendors))], cancellationToken);
            stored.AddRange(quiet.Select(r => r.RepoId.ToString()));

            await state.SetStateAsync(BaselineKey(org), time.GetUtcNow().ToString("O"), cancellationToken);
            Log.Baseline(logger, org, stored.Count);
        }
        else
        {
            await AddNewAsync(unseen, DiscoveryPath.VendorPoll, vendors, stored, announced, cancellationToken);
            await PromoteAnnouncedAsync(org, visible, vendors, announced, cancellationToken);
        }

        return new IngestReport(visible.Count, baseline, stored, announced);
    }

    /// <summary>
    /// One repo named by a webhook (vendor repos: announced) or the trending list (only derivatives of vendor models:
    /// stored and tagged). Repos of other owners are ignored.
    /// </summary>
    public async Task<IngestReport> IngestRepoAsync(HubModel hint, DiscoveryPath foundBy, CancellationToken cancellationToken)
    {
        var vendors = await vendorStore.GetVendorsAsync(cancellationToken);
        if (hint.Private == true || await releases.FindByRepoIdAsync(hint.RepoId, cancellationToken) is not null)
        {
            return IngestReport.Empty;
        }

        var vendor = VendorMatcher.ByOwner(vendors, hint.RepoId);
        var derivative = vendor is null &&
            ReleaseClassifier.BaseModelsOf(hint).Any(b => VendorMatcher.ByOwner(vendors, b) is not null);
        if (vendor is null && !derivative)
        {
            return IngestReport.Empty;
        }

        // A vendor's repo in the trending list is left to the vendor poll: trending also lists old repos beyond the
        // org's first page (Qwen2.5 still trends), and announcing those as new would be wrong.
        if (foundBy == DiscoveryPath.Trending && vendor is not null)
        {
            return IngestReport.Empty;
        }

        var stored = new List<string>();
        var announced = new List<string>();
        await AddNewAsync([hint], foundBy, vendors, stored, announced, cancellationToken);
        return new IngestReport(1, false, stored, announced);
    }

    /// <summary>A repo was renamed (webhook <c>repo/move</c>): a known release follows it, keeping its id so it is not announced again.</summary>
    public async Task<IngestReport> IngestMoveAsync(RepoId fromRepoId, RepoId toRepoId, DiscoveryPath foundBy, CancellationToken cancellationToken)
    {
        if (await releases.FindByRepoIdAsync(fromRepoId, cancellationToken) is { } known)
        {
            if (!known.RepoId.Equals(toRepoId))
            {
                await releases.UpsertReleaseAsync(WithFormerId(known with { RepoId = toRepoId }, fromRepoId), cancellationToken);
                Log.Moved(logger, fromRepoId, toRepoId);
            }

            return IngestReport.Empty;
        }

        return await IngestRepoAsync(new HubModel { RepoId = toRepoId }, foundBy, cancellationToken);
    }

    /// <summary>
    /// Reads each repo's details, stores the new releases together (one commit per batch, unique keys first, so a
    /// repo two paths found is stored and announced once), then announces those that were stored.
    /// </summary>
    private async Task AddNewAsync(
        IEnumerable<HubModel> hints, DiscoveryPath foundBy, IReadOnlyList<Vendor> vendors, List<string> stored, List<string> announced, CancellationToken cancellationToken)
    {
        var fresh = new List<Release>();
        foreach (var hint in hints)
        {
            if (await PrepareAsync(hint, foundBy, vendors, cancellationToken) is { } release)
            {
                fresh.Add(release);
            }
        }

        foreach (var release in await releases.TryAddToAnnounceAsync(fresh, cancellationToken))
        {
            await AnnounceAsync(release, foundBy, stored, announced, cancellationToken);
        }
    }

    /// <summary>
    /// Announces the releases a crash (or a failed plan) left stored but unannounced, then takes them off the queue.
    /// Planning is keyed by event and subscription, so chats that already got their rows get nothing twice.
    /// </summary>
    public async Task<int> AnnounceQueuedAsync(CancellationToken cancellationToken)
    {
        var queued = await releases.GetToAnnounceAsync(cancellationToken);
        foreach (var release in queued)
        {
            Log.AnnouncingQueued(logger, release.RepoId);
            await AnnounceAsync(release, release.FoundBy, [], [], cancellationToken);
        }

        return queued.Count;
    }

    /// <summary>The release to store for a repo found new; null when it is not visible or turned out to be a known one renamed.</summary>
    private async Task<Release?> PrepareAsync(HubModel hint, DiscoveryPath foundBy, IReadOnlyList<Vendor> vendors, CancellationToken cancellationToken)
    {
        var model = hint;
        var enriched = false;
        IReadOnlyList<RepoId> formerIds = [];
        switch (await details.GetDetailAsync(hint.RepoId, cancellationToken))
        {
            case ModelDetailResult.NotVisible notVisible:
                Log.NotVisible(logger, hint.RepoId, notVisible.Reason);
                return null;
            case ModelDetailResult.Failed failed:
                Log.DetailFailed(logger, hint.RepoId, failed.Reason);
                break;
            case ModelDetailResult.Found found:
                model = found.Model.MergeWith(hint) with { RepoId = found.Model.RepoId };
                enriched = true;
                if (!found.Model.RepoId.Equals(hint.RepoId))
                {
                    formerIds = [hint.RepoId];
                    if (await releases.FindByRepoIdAsync(found.Model.RepoId, cancellationToken) is { } existing)
                    {
                        await releases.UpsertReleaseAsync(WithFormerId(existing, hint.RepoId), cancellationToken);
                        return null;
                    }
                }

                break;
        }

        if (model.Disabled == true || model.Private == true)
        {
            return null;
        }

        return ReleaseClassifier.Classify(model, vendors, foundBy, time.GetUtcNow()) with { Enriched = enriched, FormerRepoIds = formerIds };
    }

    private async Task AnnounceAsync(Release release, DiscoveryPath foundBy, List<string> stored, List<string> announced, CancellationToken cancellationToken)
    {
        stored.Add(release.RepoId.ToString());
        if (release is { Official: true, VendorId: not null })
        {
            await sink.PublishAsync(BotEvent.ReleaseDetected(release, release.DetectedAt), cancellationToken);
            announced.Add(release.RepoId.ToString());
            Log.Announced(logger, release.RepoId, foundBy);
        }
        else
        {
            Log.DerivativeStored(logger, release.RepoId, release.BaseModel);
        }

        await CheckWatchesAsync(release, release.DetectedAt, cancellationToken);
        await releases.MarkAnnouncedAsync(release.Id, cancellationToken);
    }

    /// <summary>A known release that was only "announced" (e.g. from the seed) whose repo now appears is released now.</summary>
    private async Task PromoteAnnouncedAsync(
        string org, IReadOnlyList<HubModel> visible, IReadOnlyList<Vendor> vendors, List<string> announced, CancellationToken cancellationToken)
    {
        var vendor = VendorMatcher.ByOrg(vendors, org);
        if (vendor is null)
        {
            return;
        }

        var pending = (await releases.GetLatestAsync(vendor.Id, 500, officialOnly: false, cancellationToken))
            .Where(r => r.Status == ReleaseStatus.Announced && r.RepoId.HasOwner(org));
        foreach (var release in pending)
        {
            if (!visible.Any(m => m.RepoId.Equals(release.RepoId)))
            {
                continue;
            }

            var now = time.GetUtcNow();
            var released = release with
            {
                Status = ReleaseStatus.Released,
                StatusHistory = [.. release.StatusSteps, new StatusChange(ReleaseStatus.Released, now)],
                DetectedAt = now,
                FoundBy = DiscoveryPath.VendorPoll,
                Enriched = false,
            };
            await releases.UpsertToAnnounceAsync(released, cancellationToken);
            await sink.PublishAsync(BotEvent.ReleaseDetected(released, now), cancellationToken);
            announced.Add(released.RepoId.ToString());
            await CheckWatchesAsync(released, now, cancellationToken);
            await releases.MarkAnnouncedAsync(released.Id, cancellationToken);
        }
    }

    private async Task CheckWatchesAsync(Release release, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = release.FormerRepoIds.Prepend(release.RepoId).ToList();
        foreach (var watch in await watches.GetWatchesAsync(null, cancellationToken))
        {
            if (ids.Any(watch.Matches))
            {
                await sink.PublishAsync(BotEvent.WatchHit(watch, release, now), cancellationToken);
                Log.WatchHit(logger, watch.Pattern, release.RepoId);
            }
        }
    }

    private Release Quiet(HubModel model, IReadOnlyList<Vendor> vendors) =>
        // Baseline repos are history, not news: no model_info call for each (it would spend the quota).
        ReleaseClassifier.Classify(model, vendors, DiscoveryPath.VendorPoll, time.GetUtcNow()) with { Enriched = true };

    internal static Release WithFormerId(Release release, RepoId formerId) =>
        release.FormerRepoIds.Contains(formerId)
            ? release
            : release with { FormerRepoIds = [.. release.FormerRepoIds, formerId] };

    private static partial class Log
    {
        [LoggerMessage(1101, LogLevel.Information, "Baseline poll of {Org}: stored {Count} repos without announcing")]
        public static partial void Baseline(ILogger logger, string org, int count);

        [LoggerMessage(1102, LogLevel.Information, "New release {RepoId} found by {FoundBy}")]
        public static partial void Announced(ILogger logger, RepoId repoId, DiscoveryPath foundBy);

        [LoggerMessage(1103, LogLevel.Information, "Derivative {RepoId} of {BaseModel} stored, not announced")]
        public static partial void DerivativeStored(ILogger logger, RepoId repoId, string? baseModel);

        [LoggerMessage(1104, LogLevel.Information, "Repo {RepoId} is listed but not visible ({Reason}); will look again")]
        public static partial void NotVisible(ILogger logger, RepoId repoId, string reason);

        [LoggerMessage(1105, LogLevel.Warning, "Enrichment of {RepoId} failed ({Reason}); announcing anyway, will retry")]
        public static partial void DetailFailed(ILogger logger, RepoId repoId, string reason);

        [LoggerMessage(1107, LogLevel.Information, "Release {From} moved to {To}")]
        public static partial void Moved(ILogger logger, RepoId from, RepoId to);

        [LoggerMessage(1108, LogLevel.Warning, "Release {RepoId} was stored but not announced before the last stop; announcing it now")]
        public static partial void AnnouncingQueued(ILogger logger, RepoId repoId);

        [LoggerMessage(1106, LogLevel.Information, "Watch {Pattern} matched {RepoId}")]
        public static partial void WatchHit(ILogger logger, string pattern, RepoId repoId);
    }
}
