using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Planning;

/// <summary>
/// Decides, without I/O, whether a subscription receives an event, and names every failing check in the
/// order a user reads their settings: active, mode, rank alerts, official, vendor, modality, size.
/// The planner, the digest and <c>/why</c> all ask it; nothing else re-states these rules.
/// </summary>
public static class SubscriptionFilterEvaluator
{
    /// <summary>Decides for one event; <paramref name="release"/> is the event's release when the store knows it.</summary>
    public static FilterDecision Evaluate(Subscription subscription, BotEvent botEvent, Release? release)
    {
        var failed = new List<FilterCheck>();
        if (!subscription.Active)
        {
            failed.Add(FilterCheck.Paused);
        }

        switch (botEvent.Kind)
        {
            case EventKind.WatchHit:
                // A watch is an explicit request of one chat: it bypasses filters and mode.
                if (!string.Equals(botEvent.WatchSubscriptionId, subscription.Id, StringComparison.Ordinal))
                {
                    failed.Add(FilterCheck.WatchTarget);
                }

                return new FilterDecision(failed);
            case EventKind.Digest:
                // Digests are planned by the digest scheduler, never by filters.
                failed.Add(FilterCheck.EventKind);
                return new FilterDecision(failed);
        }

        if (!subscription.WantsInstant)
        {
            failed.Add(FilterCheck.Mode);
        }

        failed.AddRange(botEvent.Kind == EventKind.RankChanged
            ? RankMoveChecks(subscription.Filter, release)
            : ReleaseChecks(subscription.Filter, release));
        return new FilterDecision(failed);
    }

    /// <summary>
    /// The release part of the filter alone (also used for digests and <c>/why</c>).
    /// An unknown release (or modality) fails vendor and modality lists; an unknown size passes.
    /// </summary>
    public static FilterDecision EvaluateRelease(SubscriptionFilter filter, Release? release) =>
        new([.. ReleaseChecks(filter, release)]);

    /// <summary>The filter part for the rank moves of <paramref name="release"/> (for <c>/why</c>): rank alerts, then the release checks.</summary>
    public static FilterDecision EvaluateRankMoves(SubscriptionFilter filter, Release? release) =>
        new([.. RankMoveChecks(filter, release)]);

    private static IEnumerable<FilterCheck> RankMoveChecks(SubscriptionFilter filter, Release? release) =>
        filter.RankAlerts ? ReleaseChecks(filter, release) : ReleaseChecks(filter, release).Prepend(FilterCheck.RankAlerts);

    private static IEnumerable<FilterCheck> ReleaseChecks(SubscriptionFilter filter, Release? release)
    {
        if (filter.OfficialOnly && release is { Official: false })
        {
            yield return FilterCheck.OfficialOnly;
        }

        if (filter.Vendors.Count > 0 && !MatchesVendor(filter, release))
        {
            yield return FilterCheck.Vendor;
        }

        // A modality list is a positive choice: a release of unknown modality is not on it.
        if (filter.Modalities.Count > 0 && !filter.Modalities.Contains(release?.Modality ?? Modality.Unknown))
        {
            yield return FilterCheck.Modality;
        }

        if (filter.MinParams is { } min && release?.TotalParams is { } total && total < min)
        {
            yield return FilterCheck.MinParams;
        }
    }

    private static bool MatchesVendor(SubscriptionFilter filter, Release? release)
    {
        if (release is null)
        {
            return false;
        }

        if (Contains(filter.Vendors, release.VendorId))
        {
            return true;
        }

        // A fine-tune of a vendor's model counts for that vendor only when derivatives are wanted.
        return !filter.OfficialOnly && !release.Official && Contains(filter.Vendors, release.BaseVendorId);
    }

    private static bool Contains(IReadOnlyList<string> vendors, string? vendorId) =>
        vendorId is not null && vendors.Any(v => string.Equals(v, vendorId, StringComparison.OrdinalIgnoreCase));
}
