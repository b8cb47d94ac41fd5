using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Vendors;

namespace ReleaseBot.Core.Seed;

/// <summary>Validates the <c>snapshots</c> of <c>releases.seed.json</c> and maps them to <see cref="RankSnapshot"/>s.</summary>
internal static class SeedSnapshotReader
{
    public const string Source = "seed";

    public static IReadOnlyList<RankSnapshot> Read(IReadOnlyList<SeedSnapshotDto>? dtos, IReadOnlyList<Vendor> vendors, SeedErrors errors)
    {
        var snapshots = new List<RankSnapshot>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (dtos?.Count ?? 0); i++)
        {
            var at = $"snapshots[{i}]";
            var dto = dtos![i];
            if (dto?.Id is null || dto.TakenAt is null || dto.Size is not > 0)
            {
                errors.Add(at, "needs an id, takenAt and a positive size");
                continue;
            }

            if (!ids.Add(dto.Id))
            {
                errors.Add($"{at}.id", $"'{dto.Id}' appears twice");
            }

            var entries = ReadEntries(dto, at, vendors, errors);
            snapshots.Add(new RankSnapshot
            {
                Id = dto.Id,
                TakenAt = dto.TakenAt.Value,
                Size = dto.Size.Value,
                Entries = entries,
                Source = Source,
                Note = string.IsNullOrWhiteSpace(dto.Note) ? null : dto.Note.Trim(),
            });
        }

        return snapshots;
    }

    private static List<RankEntry> ReadEntries(SeedSnapshotDto dto, string at, IReadOnlyList<Vendor> vendors, SeedErrors errors)
    {
        var entries = new List<RankEntry>();
        var ranks = new HashSet<int>();
        var list = dto.Entries ?? [];
        for (var j = 0; j < list.Count; j++)
        {
            var field = $"{at}.entries[{j}]";
            var entry = list[j];
            if (entry?.Rank is not { } rank || rank < 1 || rank > dto.Size)
            {
                errors.Add($"{field}.rank", $"must be between 1 and the snapshot size {dto.Size}");
                continue;
            }

            if (!ranks.Add(rank))
            {
                errors.Add($"{field}.rank", $"rank {rank} appears twice");
            }

            var repoId = entry.RepoId is null ? null : errors.RepoId($"{field}.repoId", entry.RepoId);
            if (entry.RepoId is not null && repoId is null)
            {
                continue;
            }

            entries.Add(new RankEntry(rank, repoId, entry.Score, Blank(entry.Note), EntryVendor(entry, repoId, field, vendors, errors), Blank(entry.Label)));
        }

        entries.Sort((a, b) => a.Rank.CompareTo(b.Rank));
        return entries;
    }

    /// <summary>The owner's vendor for a known repo; the given vendor id for a place whose repo is not known.</summary>
    private static string? EntryVendor(SeedRankEntryDto entry, RepoId? repoId, string field, IReadOnlyList<Vendor> vendors, SeedErrors errors)
    {
        var byOwner = VendorMatcher.ByOwner(vendors, repoId)?.Id;
        if (entry.VendorId is null)
        {
            return byOwner;
        }

        if (vendors.All(v => v.Id != entry.VendorId))
        {
            errors.Add($"{field}.vendorId", $"'{entry.VendorId}' is not in the vendor catalogue");
        }
        else if (repoId is not null && byOwner != entry.VendorId)
        {
            errors.Add($"{field}.vendorId", $"'{entry.VendorId}' does not own '{repoId}'");
        }

        return entry.VendorId;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
