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
        var name = variants is { Count: > 0 } ? $"{release.RepoId} (+{string.Join(", +", variants)})" : release.RepoId.ToString();
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
        else if (WasAnnouncedFirst(release))
        {
            parts.Add(t.ReleasedLaterShort);
        }

        return new ReplyLine(string.Join(" · ", parts), release.Url);
    }

    /// <summary>A full card; <paramref name="headline"/> goes first (e.g. "New release from Alibaba").</summary>
    public static Reply Card(Release release, Vendor? vendor, Vendor? baseVendor, RankSnapshot? trending, Language language, ReplyKind kind, string? headline)
    {
        var t = Texts.For(language);
        var lines = new List<ReplyLine>();
        if (headline is not null)
        {
            lines.Add(new ReplyLine(headline, Bold: true));
        }

        if (!string.Equals(release.Title, release.RepoId.ToString(), StringComparison.Ordinal))
        {
            lines.Add(new ReplyLine(release.RepoId.ToString(), release.Url));
        }

        if (release.HasModelCard == false)
        {
            lines.Add(new ReplyLine(t.NoModelCardWarning));
        }

        var links = new List<ReplyLink> { new(t.ModelPage, release.Url) };
        if (!release.Official && RepoId.TryParse(release.BaseModel, out var baseModel))
        {
            links.Add(new ReplyLink(t.BaseModelPage, baseModel.Url));
        }

        return new Reply
        {
            Kind = kind,
            Title = string.IsNullOrWhiteSpace(release.Title) ? release.RepoId.ToString() : release.Title,
            TitleUrl = release.Url,
            Lines = lines,
            Fields = Fields(release, vendor, baseVendor, trending, language),
            Links = links,
            VendorId = vendor?.Id,
        };
    }

    /// <summary>The card's fields; a trending place is given with the date of the snapshot it comes from.</summary>
    public static IReadOnlyList<ReplyField> Fields(Release release, Vendor? vendor, Vendor? baseVendor, RankSnapshot? trending, Language language)
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

        if (trending?.RankOf(release.RepoId) is { } rank)
        {
            fields.Add(new ReplyField(t.FieldTrending, t.TrendingPlace(rank, DateText.Day(trending.TakenAt))));
        }

        if (!release.Official)
        {
            var baseName = release.BaseModel ?? t.Unknown;
            fields.Add(new ReplyField(t.FieldBaseModel, baseVendor is null ? t.DerivativeOf(baseName) : t.DerivativeOfVendor(baseName, baseVendor.DisplayName(language)), Inline: false));
        }

        if (release.Status == ReleaseStatus.Announced || WasAnnouncedFirst(release))
        {
            fields.Add(new ReplyField(t.FieldStatus, StatusText(release, t), Inline: false));
        }

        if (release.Caveats.Count > 0)
        {
            fields.Add(new ReplyField(t.FieldCaveats, string.Join("; ", release.Caveats.Select(t.CaveatText)), Inline: false));
        }

        fields.Add(new ReplyField(t.FieldDate, DateOf(release)));
        return fields;
    }

    /// <summary>Each status step with the date it was true: "announced 2025-07-31; … → weights public on the Hub by …".</summary>
    public static string StatusText(Release release, Texts t) =>
        string.Join(" → ", release.StatusSteps.Select(step =>
        {
            var date = step.On is { } on ? DateText.Day(on) : null;
            return step.Status == ReleaseStatus.Announced ? t.StatusAnnouncedOn(date) : t.StatusReleasedBy(date);
        }));

    private static bool WasAnnouncedFirst(Release release) =>
        release.StatusHistory.Any(s => s.Status == ReleaseStatus.Announced);

    public static string VendorName(Release release, Vendor? vendor, Language language) =>
        vendor?.DisplayName(language) ?? release.Owner;

    public static string DateOf(Release release) =>
        DateText.Day(release.PublishedAt ?? release.CreatedAt ?? release.DetectedAt);
}
