using System.Globalization;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Replies;
using ReleaseBot.Core.Text;

namespace ReleaseBot.Core.Messages;

/// <summary>How one release reads: a one-line list entry, or a card with every field (announcements, /model).</summary>
public static class ReleaseCard
{
    public static ReplyLine Line(Release release, Vendor? vendor, Language language, IReadOnlyList<string>? variants = null)
    {
        var t = Texts.For(language);
        var name = variants is { Count: > 0 } ? $"{release.RepoId} (+{string.Join(", +", variants)})" : release.RepoId;
        var parts = new List<string> { DateOf(release), name, VendorName(release, vendor, language) };
        if (ParamFormatter.Describe(release, language) is { } parameters)
        {
            parts.Add(parameters);
        }

        if (!release.Official)
        {
            parts.Add(t.DerivativeShort);
        }

        if (release.Status == ReleaseStatus.Announced)
        {
            parts.Add(t.AnnouncedShort);
        }

        return new ReplyLine(string.Join(" · ", parts), release.Url);
    }

    /// <summary>A full card; <paramref name="headline"/> goes first (e.g. "New release from Alibaba").</summary>
    public static Reply Card(Release release, Vendor? vendor, Vendor? baseVendor, int? trendingRank, Language language, ReplyKind kind, string? headline)
    {
        var t = Texts.For(language);
        var lines = new List<ReplyLine>();
        if (headline is not null)
        {
            lines.Add(new ReplyLine(headline, Bold: true));
        }

        if (!string.Equals(release.Title, release.RepoId, StringComparison.Ordinal))
        {
            lines.Add(new ReplyLine(release.RepoId, release.Url));
        }

        if (release.HasModelCard == false)
        {
            lines.Add(new ReplyLine(t.NoModelCardWarning));
        }

        var links = new List<ReplyLink> { new(t.ModelPage, release.Url) };
        if (!release.Official && release.BaseModel is { Length: > 0 } baseModel && baseModel.Contains('/', StringComparison.Ordinal))
        {
            links.Add(new ReplyLink(t.BaseModelPage, $"https://huggingface.co/{baseModel}"));
        }

        return new Reply
        {
            Kind = kind,
            Title = string.IsNullOrWhiteSpace(release.Title) ? release.RepoId : release.Title,
            TitleUrl = release.Url,
            Lines = lines,
            Fields = Fields(release, vendor, baseVendor, trendingRank, language),
            Links = links,
            VendorId = vendor?.Id,
        };
    }

    public static IReadOnlyList<ReplyField> Fields(Release release, Vendor? vendor, Vendor? baseVendor, int? trendingRank, Language language)
    {
        var t = Texts.For(language);
        var fields = new List<ReplyField>
        {
            new(t.FieldVendor, vendor is null ? t.UnknownOwner(release.Owner) : t.VendorWithCountry(vendor.DisplayName(language), vendor.Country)),
            new(t.FieldParams, ParamFormatter.Describe(release, language) ?? t.Unknown),
            new(t.FieldLicence, release.Licence ?? t.Unknown),
            new(t.FieldModality, release.PipelineTag is null ? t.ModalityName(release.Modality) : $"{t.ModalityName(release.Modality)} · {release.PipelineTag}"),
        };
        if (release.Gated is { } gated)
        {
            fields.Add(new ReplyField(t.FieldGated, gated ? t.Yes : t.No));
        }

        if (release.HasModelCard == false)
        {
            fields.Add(new ReplyField(t.FieldModelCard, t.NoModelCard));
        }

        if (trendingRank is { } rank)
        {
            fields.Add(new ReplyField(t.FieldTrending, "#" + rank.ToString(CultureInfo.InvariantCulture)));
        }

        if (!release.Official)
        {
            var baseName = release.BaseModel ?? t.Unknown;
            fields.Add(new ReplyField(t.FieldBaseModel, baseVendor is null ? t.DerivativeOf(baseName) : t.DerivativeOfVendor(baseName, baseVendor.DisplayName(language)), Inline: false));
        }

        if (release.Status == ReleaseStatus.Announced)
        {
            fields.Add(new ReplyField(t.FieldStatus, t.StatusAnnounced, Inline: false));
        }

        fields.Add(new ReplyField(t.FieldDate, DateOf(release)));
        return fields;
    }

    public static string VendorName(Release release, Vendor? vendor, Language language) =>
        vendor?.DisplayName(language) ?? release.Owner;

    public static string DateOf(Release release) =>
        (release.PublishedAt ?? release.CreatedAt ?? release.DetectedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
