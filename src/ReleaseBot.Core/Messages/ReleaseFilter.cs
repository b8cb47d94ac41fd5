using ReleaseBot.Core.Dispatch;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Text;
using ReleaseBot.Core.Vendors;
using ReleaseBot.Core.Planning;

namespace ReleaseBot.Core.Messages;

/// <summary>
/// A subscription's release filters for the digest and <c>/why</c>. The decision is the planner's own
/// (<see cref="SubscriptionFilterEvaluator.EvaluateRelease"/>), so a digest never shows what the planner
/// would refuse; <see cref="Rejections"/> lists every failing filter in the chat's language, with the same rules.
/// </summary>
public static class ReleaseFilter
{
    public static bool Accepts(SubscriptionFilter filter, Release release) =>
        SubscriptionFilterEvaluator.EvaluateRelease(filter, release).Accepted;

    public static IReadOnlyList<string> Rejections(SubscriptionFilter filter, Release release, IReadOnlyList<Vendor> vendors, Language language)
    {
        var t = Texts.For(language);
        var reasons = new List<string>();
        if (filter.OfficialOnly && !release.Official)
        {
            reasons.Add(t.RejectNotOfficial);
        }

        if (filter.Vendors.Count > 0 && !MatchesVendor(filter, release))
        {
            var names = filter.Vendors.Select(id => VendorMatcher.ById(vendors, id)?.DisplayName(language) ?? id);
            reasons.Add(t.RejectVendor(string.Join(", ", names)));
        }

        // A modality list wants known modalities: a release of unknown modality fails it, as in the planner.
        if (filter.Modalities.Count > 0 && !filter.Modalities.Contains(release.Modality))
        {
            reasons.Add(t.RejectModality(t.ModalityName(release.Modality)));
        }

        // Releases of unknown size pass a size filter (SubscriptionFilter.MinParams).
        if (filter.MinParams is { } min && release.TotalParams is { } total && total < min)
        {
            reasons.Add(t.RejectMinParams(ParamFormatter.Format(min)));
        }

        return reasons;
    }

    // A derivative counts for its base model's vendor only when the chat takes derivatives at all.
    private static bool MatchesVendor(SubscriptionFilter filter, Release release) =>
        Contains(filter.Vendors, release.VendorId)
        || (!filter.OfficialOnly && !release.Official && Contains(filter.Vendors, release.BaseVendorId));

    private static bool Contains(IReadOnlyList<string> vendors, string? id) =>
        id is not null && vendors.Any(v => string.Equals(v, id, StringComparison.OrdinalIgnoreCase));
}
