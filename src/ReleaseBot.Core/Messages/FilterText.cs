using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Planning;
using ReleaseBot.Core.Text;
using ReleaseBot.Core.Vendors;

namespace ReleaseBot.Core.Messages;

/// <summary>
/// A subscription's filters in a chat's language: the values as <c>/settings</c> shows them, and the failing
/// checks of a <see cref="FilterDecision"/> as <c>/why</c> explains them, with the same wording of each value.
/// </summary>
public static class FilterText
{
    /// <summary>One reason per failing check of a release or of its rank moves (official, vendor, modality, size, rank alerts).</summary>
    public static IReadOnlyList<string> Reasons(FilterDecision decision, SubscriptionFilter filter, Release release, IReadOnlyList<Vendor> vendors, Language language)
    {
        var t = Texts.For(language);
        return [.. decision.Failed.Select(check => check switch
        {
            FilterCheck.OfficialOnly => t.RejectNotOfficial,
            FilterCheck.Vendor => t.RejectVendor(Vendors(filter, vendors, language)),
            FilterCheck.Modality => t.RejectModality(t.ModalityName(release.Modality)),
            FilterCheck.MinParams => t.RejectMinParams(release.TotalParams is { } total ? ParamFormatter.Format(total) : t.Unknown, MinParams(filter, language)),
            FilterCheck.RankAlerts => t.RejectRankAlerts,
            _ => throw new ArgumentOutOfRangeException(nameof(decision), check, "only the filter checks of a subscription have a reason text"),
        })];
    }

    public static string Vendors(SubscriptionFilter filter, IReadOnlyList<Vendor> vendors, Language language) =>
        filter.Vendors.Count == 0
            ? Texts.For(language).AllVendors
            : string.Join(", ", filter.Vendors.Select(id => VendorMatcher.ById(vendors, id)?.DisplayName(language) ?? id));

    public static string Modalities(SubscriptionFilter filter, Language language)
    {
        var t = Texts.For(language);
        return filter.Modalities.Count == 0 ? t.All : string.Join(", ", filter.Modalities.Select(t.ModalityName));
    }

    public static string MinParams(SubscriptionFilter filter, Language language) =>
        filter.MinParams is { } min ? ParamFormatter.Format(min) : Texts.For(language).None;

    /// <summary>"yes" when derivatives (fine-tunes, quantisations) are left out, as <c>official</c> sets it.</summary>
    public static string OfficialOnly(SubscriptionFilter filter, Language language) => YesNo(filter.OfficialOnly, language);

    public static string RankAlerts(SubscriptionFilter filter, Language language) => YesNo(filter.RankAlerts, language);

    private static string YesNo(bool value, Language language) => value ? Texts.For(language).Yes : Texts.For(language).No;
}
