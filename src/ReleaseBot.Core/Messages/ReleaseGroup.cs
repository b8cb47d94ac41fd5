using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Messages;

/// <summary>
/// A release with the variants its vendor published of it (FP8, GPTQ, Diffusers …: same vendor,
/// <see cref="Release.BaseModel"/> pointing at it), so a list shows one line per model, not per file format.
/// </summary>
public sealed record ReleaseGroup(Release Main, IReadOnlyList<Release> Variants)
{
    /// <summary>Folds variants into the release they are based on, keeping the list's order; variants whose base is not in the list stay on their own.</summary>
    public static IReadOnlyList<ReleaseGroup> Fold(IReadOnlyList<Release> releases)
    {
        var byRepo = releases
            .GroupBy(r => r.RepoId)
            .ToDictionary(g => g.Key, g => g.First());
        var variants = new Dictionary<RepoId, List<Release>>();
        var groups = new List<(Release Main, List<Release> Variants)>();
        foreach (var release in releases)
        {
            if (ParentOf(release, byRepo) is { } parent)
            {
                if (!variants.TryGetValue(parent.RepoId, out var list))
                {
                    variants[parent.RepoId] = list = [];
                }

                list.Add(release);
                continue;
            }

            var own = new List<Release>();
            if (variants.TryGetValue(release.RepoId, out var earlier))
            {
                own.AddRange(earlier);
            }

            variants[release.RepoId] = own;
            groups.Add((release, own));
        }

        return [.. groups.Select(g => new ReleaseGroup(g.Main, g.Variants))];
    }

    /// <summary>The short names of the variants: <c>Qwen3-X-FP8</c> of <c>Qwen3-X</c> is "FP8".</summary>
    public IReadOnlyList<string> VariantLabels()
    {
        var mainName = Main.RepoId.Name;
        return [.. Variants.Select(v =>
        {
            var name = v.RepoId.Name;
            return name.StartsWith(mainName, StringComparison.OrdinalIgnoreCase) && name.Length > mainName.Length
                ? name[mainName.Length..].TrimStart('-', '_', '.')
                : name;
        })];
    }

    private static Release? ParentOf(Release release, Dictionary<RepoId, Release> byRepo) =>
        RepoId.TryParse(release.BaseModel, out var baseModel)
        && byRepo.TryGetValue(baseModel, out var parent)
        && !ReferenceEquals(parent, release)
        && parent.BaseModel is null
        && string.Equals(parent.VendorId, release.VendorId, StringComparison.OrdinalIgnoreCase)
            ? parent
            : null;
}
