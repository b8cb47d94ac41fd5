using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Planning;

/// <summary>
/// Decides, without I/O, whether a subscription receives an event. The first failing check
/// is reported, in the order a user reads their settings: active, mode, rank alerts, official,
/// vendor, modality, size.
/// </summary>
public static class SubscriptionFilterEvaluator
{
    /// <summary>Decides for one event; <paramref name="release"/> is the event's release when the store knows it.</summary>
    public static FilterDecision Evaluate(Subscription subscription, BotEvent botEvent, Release? release)
    {
        if (!subscription.Active)
        {
            return FilterDecision.Reject(FilterCheck.Paused,
                $"the subscription is paused ({subscription.PausedReason ?? "no reason given"})");
        }

        switch (botEvent.Kind)
        {
            case EventKind.WatchHit:
                // A watch is an explicit request of one chat: it bypasses filters and mode.
                return string.Equals(botEvent.WatchSubscriptionId, subscription.Id, StringComparison.Ordinal)
                    ? FilterDecision.Accept($"the chat watches {botEvent.WatchPattern}")
                    : FilterDecision.Reject(FilterCheck.WatchTarget, "the watch belongs to another chat");
            case EventKind.Digest:
                return FilterDecision.Reject(FilterCheck.EventKind, "digests are planned by the digest scheduler");
        }

        if (!subscription.WantsInstant)
        {
            return FilterDecision.Reject(FilterCheck.Mode, "the subscription takes the daily digest only");
        }

        if (botEvent.Kind == EventKind.RankChanged && !subscription.Filter.RankAlerts)
        {
            return FilterDecision.Reject(FilterCheck.RankAlerts, "rank alerts are switched off");
        }

        return EvaluateRelease(subscription.Filter, release, botEvent.ReleaseId);
    }

    /// <summary>
    /// The release part of the filter alone (also used for digests and <c>/why</c>).
    /// An unknown release (or modality) fails vendor and modality lists; an unknown size passes.
    /// </summary>
    public static FilterDecision EvaluateRelease(SubscriptionFilter filter, Release? release, string? releaseId = null)
    {
        var name = release?.RepoId ?? releaseId ?? "the release";
        if (filter.OfficialOnly && release is { Official: false })
        {
            return FilterDecision.Reject(FilterCheck.OfficialOnly,
                $"{name} is a derivative and the subscription wants official releases only");
        }

        if (filter.Vendors.Count > 0 && !MatchesVendor(filter, release))
        {
            var vendor = release?.VendorId ?? "an unknown vendor";
            return FilterDecision.Reject(FilterCheck.Vendor,
                $"{name} is by {vendor}, not one of {string.Join(", ", filter.Vendors)}");
        }

        // A modality list is a positive choice: a release of unknown modality is not on it.
        if (filter.Modalities.Count > 0 && !filter.Modalities.Contains(release?.Modality ?? Modality.Unknown))
        {
            return FilterDecision.Reject(FilterCheck.Modality,
                $"{name} is {release?.Modality ?? Modality.Unknown}, not one of {string.Join(", ", filter.Modalities)}");
        }

        if (filter.MinParams is { } min && release?.TotalParams is { } total && total < min)
        {
            return FilterDecision.Reject(FilterCheck.MinParams,
                $"{name} has {ParamText(total)} parameters, below the minimum of {ParamText(min)}");
        }

        return FilterDecision.Accept($"{name} passes every filter");
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

    private static string ParamText(long count) => count switch
    {
        >= 1_000_000_000 => FormattableString.Invariant($"{count / 1e9:0.#}B"),
        >= 1_000_000 => FormattableString.Invariant($"{count / 1e6:0.#}M"),
        _ => count.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
