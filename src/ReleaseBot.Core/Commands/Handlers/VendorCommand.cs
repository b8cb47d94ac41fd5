using System.Globalization;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Messages;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Replies;
using ReleaseBot.Core.Text;
using ReleaseBot.Core.Vendors;

namespace ReleaseBot.Core.Commands.Handlers;

/// <summary><c>/vendor &lt;name&gt;</c>: one vendor's names, orgs, families, trending places and recent releases.</summary>
public sealed class VendorCommand(IVendorStore vendorStore, IReleaseStore releases, RankView rankView) : ICommandHandler
{
    private const int Recent = 5;

    public string Name => "vendor";

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var t = context.T;
        if (context.Args.Count == 0)
        {
            return CommandReplies.Usage(context, t.VendorArgMissing);
        }

        var vendors = await vendorStore.GetVendorsAsync(cancellationToken);
        var typed = string.Join(' ', context.Args);
        var match = VendorMatcher.Match(vendors, typed);
        if (match.Vendor is not { } vendor)
        {
            return CommandReplies.UnknownVendor(context, typed, match.Suggestions);
        }

        var lines = new List<ReplyLine>();
        var table = await rankView.GetLatestAsync(RankCommand.DefaultTop, cancellationToken);
        var places = table?.Entries.Where(e => e.Vendor?.Id == vendor.Id).ToList() ?? [];
        if (table is not null)
        {
            lines.Add(new ReplyLine(t.VendorTrending(places.Count, table.Entries.Count, DateText.Day(table.Snapshot.TakenAt), table.Snapshot.Source), Bold: true));
            lines.AddRange(places.Select(p => new ReplyLine(
                $"#{p.Rank.ToString(CultureInfo.InvariantCulture)} {p.RepoId?.ToString() ?? p.Label ?? t.RepoNotKnown}",
                p.RepoId?.Url)));
        }

        var latest = await releases.GetLatestAsync(vendor.Id, Recent, officialOnly: true, cancellationToken);
        lines.Add(new ReplyLine(t.RecentReleases, Bold: true));
        lines.AddRange(latest.Count == 0 ? [new ReplyLine(t.NoReleases(null))] : latest.Select(r => ReleaseCard.Line(r, vendor, context.Language)));

        return new Reply
        {
            Kind = ReplyKind.Info,
            Title = $"{vendor.NameEn} · {vendor.NameZh}",
            TitleUrl = vendor.HfOrgs.Count > 0 ? RepoId.OwnerUrl(vendor.HfOrgs[0]) : null,
            Lines = lines,
            Fields =
            [
                new(t.FieldCountry, t.CountryName(vendor.Country)),
                new(t.FieldOrgs, string.Join(", ", vendor.HfOrgs.Concat(vendor.LegacyOrgs))),
                new(t.FieldFamilies, vendor.Families.Count == 0 ? t.Unknown : string.Join(", ", vendor.Families), Inline: false),
            ],
            Links = [.. vendor.HfOrgs.Select(o => new ReplyLink(o, RepoId.OwnerUrl(o)))],
            VendorId = vendor.Id,
        };
    }
}
