using System.Globalization;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Replies;
using ReleaseBot.Core.Text;
using ReleaseBot.Core.Vendors;

namespace ReleaseBot.Core.Messages;

/// <summary>
/// The newest trending list as people read it: vendor and country per place (by repo owner),
/// unknown places shown as unknown, and a count of Chinese vendors over the known entries only.
/// </summary>
public sealed class RankView(IRankStore ranks, IVendorStore vendorStore)
{
    public async Task<RankTable?> GetLatestAsync(int top, CancellationToken cancellationToken)
    {
        var snapshot = await ranks.GetLatestSnapshotAsync(cancellationToken);
        if (snapshot is null)
        {
            return null;
        }

        var vendors = await vendorStore.GetVendorsAsync(cancellationToken);
        return Build(snapshot, vendors, top);
    }

    public static RankTable Build(RankSnapshot snapshot, IReadOnlyList<Vendor> vendors, int top)
    {
        var places = Math.Min(top, Math.Max(snapshot.Size, snapshot.Entries.Count == 0 ? 0 : snapshot.Entries.Max(e => e.Rank)));
        var entries = new List<RankedEntry>(places);
        for (var rank = 1; rank <= places; rank++)
        {
            var entry = snapshot.Entries.FirstOrDefault(e => e.Rank == rank);
            entries.Add(entry is null
                ? new RankedEntry(rank, null, null, null)
                : new RankedEntry(rank, entry.RepoId, VendorOf(entry, vendors), entry.Note, entry.Label));
        }

        return new RankTable(snapshot, entries);
    }

    // The repo owner decides, as for releases; the entry's own VendorId speaks only for places whose repo is not known.
    private static Vendor? VendorOf(RankEntry entry, IReadOnlyList<Vendor> vendors) =>
        VendorMatcher.ByOwner(vendors, entry.RepoId) ?? VendorMatcher.ById(vendors, entry.VendorId);

    public static IReadOnlyList<ReplyLine> Lines(RankTable table, Language language)
    {
        var t = Texts.For(language);
        var lines = new List<ReplyLine>(table.Entries.Count + 1);
        foreach (var entry in table.Entries)
        {
            var rank = "#" + entry.Rank.ToString(CultureInfo.InvariantCulture);
            var vendor = entry.Vendor is null ? null : t.VendorWithCountry(entry.Vendor.DisplayName(language), entry.Vendor.Country);
            var note = entry.Note is null ? string.Empty : " · " + entry.Note;
            lines.Add(entry switch
            {
                { RepoId: { } repo } => new ReplyLine($"{rank} {repo} — {vendor ?? t.UnknownOwner(repo.Owner)}", repo.Url),
                { Vendor: not null } => new ReplyLine($"{rank} {entry.Label ?? t.RepoNotKnown} — {vendor}{note}"),
                _ => new ReplyLine($"{rank} — {t.RankNotKnown}{note}"),
            });
        }

        lines.Add(new ReplyLine(t.ChineseShare(table.KnownChinese, table.Known, table.Entries.Count)));
        return lines;
    }
}
