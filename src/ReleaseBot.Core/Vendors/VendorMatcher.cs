using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Vendors;

/// <summary>
/// Finds a vendor from what a user typed (<c>qwen</c>, <c>Qwen</c>, <c>阿里</c>, <c>alibaba</c>, <c>通义</c>, <c>kimi</c> …),
/// and attributes repos to vendors by owner. Name matching is only for user input: a release
/// belongs to a vendor through its repo owner alone: a fork or quantisation named "Qwen…" is not Alibaba's.
/// </summary>
public static class VendorMatcher
{
    private const int MaxSuggestions = 3;

    public static VendorMatch Match(IReadOnlyList<Vendor> vendors, string query)
    {
        var key = NameKey.Of(query);
        if (key.Length == 0)
        {
            return new VendorMatch(null, []);
        }

        // Exact key first (id, names, short name, aliases, orgs, families), then the weaker rules.
        var found = vendors.FirstOrDefault(v => KeysOf(v).Contains(key))
            ?? FamilyPrefix(vendors, key)
            ?? ChineseSubstring(vendors, key);
        return found is not null ? new VendorMatch(found, []) : new VendorMatch(null, Suggest(vendors, key));
    }

    /// <summary>
    /// The vendor whose HF org (or former org) owns the repo, or null: the one rule by which a repo belongs
    /// to a vendor (DESIGN §3). Ingest, planner, seed readers and replies all ask it.
    /// </summary>
    public static Vendor? ByOwner(IReadOnlyList<Vendor> vendors, RepoId? repoId) =>
        repoId is null ? null : ByOrg(vendors, repoId.Owner);

    /// <summary>The vendor one of whose orgs (current or former) is <paramref name="org"/>, case-insensitively.</summary>
    public static Vendor? ByOrg(IReadOnlyList<Vendor> vendors, string org) =>
        vendors.FirstOrDefault(v => v.OwnsOrg(org));

    /// <summary>A stored release's vendor: the one recorded at ingest, else its owner's.</summary>
    public static Vendor? OfRelease(IReadOnlyList<Vendor> vendors, Release release) =>
        ById(vendors, release.VendorId) ?? ByOwner(vendors, release.RepoId);

    /// <summary>A derivative's base vendor: the one recorded at ingest, else the owner of its base model.</summary>
    public static Vendor? OfBaseModel(IReadOnlyList<Vendor> vendors, Release release) =>
        ById(vendors, release.BaseVendorId)
        ?? (RepoId.TryParse(release.BaseModel, out var baseModel) ? ByOwner(vendors, baseModel) : null);

    public static Vendor? ById(IReadOnlyList<Vendor> vendors, string? id) =>
        id is null ? null : vendors.FirstOrDefault(v => string.Equals(v.Id, id, StringComparison.OrdinalIgnoreCase));

    private static HashSet<string> KeysOf(Vendor v)
    {
        var names = new List<string?> { v.Id, v.NameEn, v.NameZh, v.ShortName };
        names.AddRange(v.Aliases);
        names.AddRange(v.HfOrgs);
        names.AddRange(v.LegacyOrgs);
        names.AddRange(v.Families);
        names.Add(LeadingWords(v.NameEn));
        return names.Select(NameKey.Of).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
    }

    // "Kimi" names the family "Kimi K2"; "hunyuan" the family "HunyuanWorld". Three letters at least, so "a" finds nothing.
    private static Vendor? FamilyPrefix(IReadOnlyList<Vendor> vendors, string key) =>
        key.Length < 3
            ? null
            : vendors.FirstOrDefault(v => v.Families.Concat(v.Aliases).Any(f => NameKey.Of(f).StartsWith(key, StringComparison.Ordinal))
                || NameKey.Of(v.NameEn).StartsWith(key, StringComparison.Ordinal));

    // Chinese names are long compounds ("阿里巴巴 · 通义（通义千问 …）"): two or more ideographs inside one are a match.
    private static Vendor? ChineseSubstring(IReadOnlyList<Vendor> vendors, string key) =>
        key.Length < 2 || !NameKey.HasIdeograph(key)
            ? null
            : vendors.FirstOrDefault(v => NameKey.Of(v.NameZh).Contains(key, StringComparison.Ordinal)
                || v.Aliases.Any(a => NameKey.Of(a).Contains(key, StringComparison.Ordinal)));

    private static List<Vendor> Suggest(IReadOnlyList<Vendor> vendors, string key) =>
        [.. vendors
            .Select(v => (Vendor: v, Score: KeysOf(v).Min(k => Score(key, k))))
            .Where(x => x.Score <= Math.Max(2, key.Length / 2))
            .OrderBy(x => x.Score)
            .ThenBy(x => x.Vendor.Id, StringComparer.Ordinal)
            .Take(MaxSuggestions)
            .Select(x => x.Vendor)];

    // Distance to the key, or to its prefix of the same length ("alibab" is close to "alibaba").
    private static int Score(string query, string key)
    {
        var whole = NameKey.Distance(query, key);
        var prefix = key.Length > query.Length ? NameKey.Distance(query, key[..query.Length]) + 1 : whole;
        return Math.Min(whole, prefix);
    }

    // "Zhipu AI (Z.ai)" → "Zhipu AI"; "Kunlun Tech (Kunlun Wanwei) - Skywork" → "Kunlun Tech".
    private static string LeadingWords(string name)
    {
        var cut = name.IndexOfAny(['(', '-', '/', '·']);
        return (cut > 0 ? name[..cut] : name).Trim();
    }
}
