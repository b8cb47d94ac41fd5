using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Vendors;

namespace ReleaseBot.Core.Ingest;

/// <summary>How many places of a snapshot's top N each vendor holds ("Qwen 5/10"), by repo owner only.</summary>
public static class VendorShare
{
    public static IReadOnlyList<(Vendor Vendor, int Count)> OfTop(RankSnapshot snapshot, IReadOnlyList<Vendor> vendors, int top) =>
        snapshot.Entries
            .Where(e => e.Rank <= top && e.RepoId is not null)
            .Select(e => VendorMatcher.ByOwner(vendors, e.RepoId))
            .OfType<Vendor>()
            .GroupBy(v => v.Id)
            .Select(g => (g.First(), g.Count()))
            .OrderByDescending(x => x.Item2)
            .ThenBy(x => x.Item1.Id, StringComparer.Ordinal)
            .ToList();
}
