using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Text;
using ReleaseBot.Core.Vendors;

namespace ReleaseBot.Core.Composition;

/// <summary>Which of a subscription's filters turn a release away, in words (for /why and the digest).</summary>
public static class ReleaseFilter
{
    public static bool Accepts(SubscriptionFilter filter, Release release) =>
        Rejections(filter, release, [], Language.En).Count == 0;

    public static IReadOnlyList<string> Rejections(SubscriptionFilter filter, Release release, IReadOnlyList<Vendor> vendors, Language language)
    {
        var t = Texts.For(language);
        var reasons = new List<string>();
        if (filter.Vendors.Count > 0 && !filter.Vendors.Contains(release.VendorId ?? string.Empty, StringComparer.OrdinalIgnoreCase))
        {
            var names = filter.Vendors.Select(id => VendorMatcher.ById(vendors, id)?.DisplayName(language) ?? id);
            reasons.Add(t.RejectVendor(string.Join(", ", names)));
        }

        if (filter.Modalities.Count > 0 && !filter.Modalities.Contains(release.Modality))
        {
            reasons.Add(t.RejectModality(t.ModalityName(release.Modality)));
        }

        // Releases of unknown size pass a size filter (SubscriptionFilter.MinParams).
        if (filter.MinParams is { } min && release.TotalParams is { } total && total < min)
        {
            reasons.Add(t.RejectMinParams(ParamFormatter.Format(min)));
        }

        if (filter.OfficialOnly && !release.Official)
        {
            reasons.Add(t.RejectNotOfficial);
        }

        return reasons;
    }
}
