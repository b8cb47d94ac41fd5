using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Vendors;

namespace ReleaseBot.Core.Seed;

/// <summary>
/// Validates the <c>releases</c> of <c>releases.seed.json</c> one at a time, as they stream in, and maps each repo to
/// a <see cref="Release"/>; remembers the repo ids seen so a repeat is reported.
/// </summary>
internal sealed class SeedReleaseReader(IReadOnlyList<Vendor> vendors, SeedErrors errors)
{
    private readonly HashSet<RepoId> _seen = [];

    /// <summary>The release, or null with every problem added to the errors.</summary>
    public Release? Read(int index, SeedReleaseDto? dto)
    {
        var at = $"releases[{index}]";
        if (dto is null)
        {
            errors.Add(at, "null");
            return null;
        }

        if (Map(dto, at, vendors, errors) is not { } release)
        {
            return null;
        }

        foreach (var id in release.FormerRepoIds.Prepend(release.RepoId))
        {
            if (!_seen.Add(id))
            {
                errors.Add($"{at}.repoId", $"'{id}' appears twice (as a repo id or former repo id)");
            }
        }

        return release;
    }

    private static Release? Map(SeedReleaseDto dto, string at, IReadOnlyList<Vendor> vendors, SeedErrors errors)
    {
        var repoId = errors.RepoId($"{at}.repoId", dto.RepoId);
        var vendor = repoId is null ? null : OwnerVendor(dto, repoId, at, vendors, errors);
        var ok = vendor is not null;

        if (dto.PublishedAt is null)
        {
            errors.Add($"{at}.publishedAt", "missing");
            ok = false;
        }

        var modality = Modality.Unknown;
        ok &= dto.Modality is null || errors.TryParseEnum($"{at}.modality", dto.Modality, out modality);
        ok &= SeedStatusReader.TryRead(dto, at, errors, out var status, out var statusHistory);
        ok &= SeedStatusReader.TryReadCaveats(dto, at, errors, out var caveats);
        ok &= CheckParams(dto, at, errors);

        var names = errors.Names($"{at}.formerRepoIds", dto.FormerRepoIds);
        var former = names.Select((name, j) => errors.RepoId($"{at}.formerRepoIds[{j}]", name)).ToList();
        if (!ok || repoId is null || former.Contains(null))
        {
            return null;
        }

        return new Release
        {
            Id = repoId.ReleaseId,
            RepoId = repoId,
            VendorId = vendor!.Id,
            Family = Blank(dto.Family),
            Title = Blank(dto.Title) ?? repoId.Name,
            CreatedAt = dto.CreatedAt,
            // Seed rows were "detected" when they were published; that keeps them out of any
            // detection window of a live digest.
            DetectedAt = dto.PublishedAt!.Value,
            PublishedAt = dto.PublishedAt,
            Modality = modality,
            PipelineTag = Blank(dto.PipelineTag),
            TotalParams = dto.TotalParams,
            ActiveParams = dto.ActiveParams,
            TotalParamsEstimated = dto.TotalParamsEstimated ?? false,
            ActiveParamsEstimated = dto.ActiveParamsEstimated ?? false,
            Licence = Blank(dto.Licence),
            Gated = dto.Gated,
            HasModelCard = dto.HasModelCard,
            Official = dto.Official ?? true,
            BaseModel = Blank(dto.BaseModel),
            Status = status,
            StatusHistory = statusHistory,
            FoundBy = DiscoveryPath.Seed,
            FormerRepoIds = former.OfType<RepoId>().ToList(),
            Enriched = false,
            Notes = Blank(dto.Notes),
            Caveats = caveats,
        };
    }

    /// <summary>The vendor owning the repo's org; the file's vendorId may only confirm it (never a name match).</summary>
    private static Vendor? OwnerVendor(SeedReleaseDto dto, RepoId repoId, string at, IReadOnlyList<Vendor> vendors, SeedErrors errors)
    {
        var owner = repoId.Owner;
        var vendor = VendorMatcher.ByOwner(vendors, repoId);
        if (vendor is null)
        {
            errors.Add($"{at}.repoId", $"owner '{owner}' is no vendor's org in the vendor catalogue");
            return null;
        }

        if (dto.VendorId is not null && !string.Equals(dto.VendorId, vendor.Id, StringComparison.Ordinal))
        {
            errors.Add($"{at}.vendorId", $"'{dto.VendorId}' does not match '{vendor.Id}', the vendor owning org '{owner}'");
            return null;
        }

        return vendor;
    }

    private static bool CheckParams(SeedReleaseDto dto, string at, SeedErrors errors)
    {
        var ok = true;
        if (dto.TotalParams is <= 0)
        {
            errors.Add($"{at}.totalParams", "must be positive (a count of parameters, e.g. 235000000000)");
            ok = false;
        }

        if (dto.ActiveParams is <= 0)
        {
            errors.Add($"{at}.activeParams", "must be positive");
            ok = false;
        }

        if (dto.TotalParams is { } total && dto.ActiveParams is { } active && active > total)
        {
            errors.Add($"{at}.activeParams", $"{active} exceeds totalParams {total}");
            ok = false;
        }

        return ok;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
