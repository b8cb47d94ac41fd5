using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Messages;

/// <summary>A trending snapshot cut to the first <c>Entries.Count</c> places, with counts over the known entries.</summary>
public sealed record RankTable(RankSnapshot Snapshot, IReadOnlyList<RankedEntry> Entries)
{
    public int Known => Entries.Count(e => e.IsKnown);

    public int KnownChinese => Entries.Count(e => e.Vendor?.IsChinese == true);

    /// <summary>Places held by <paramref name="vendorId"/> among the known entries.</summary>
    public int CountOf(string vendorId) =>
        Entries.Count(e => string.Equals(e.Vendor?.Id, vendorId, StringComparison.OrdinalIgnoreCase));
}
