namespace ReleaseBot.Core.Domain;

/// <summary>
/// A publisher of open models. A release belongs to a vendor only through the owner of its
/// repo id (one of <see cref="HfOrgs"/> or <see cref="LegacyOrgs"/>), never through a name match.
/// </summary>
public sealed record Vendor
{
    public required string Id { get; init; }
    public required string NameEn { get; init; }
    public required string NameZh { get; init; }
    /// <summary>ISO 3166-1 alpha-2, e.g. <c>CN</c>, <c>US</c>.</summary>
    public required string Country { get; init; }
    /// <summary>Current Hugging Face organisations, polled for new repos.</summary>
    public IReadOnlyList<string> HfOrgs { get; init; } = [];
    /// <summary>Former organisation names (THUDM, fnlp) that still attribute old repo ids.</summary>
    public IReadOnlyList<string> LegacyOrgs { get; init; } = [];
    public IReadOnlyList<string> Families { get; init; } = [];
    /// <summary>Extra names a user may type: <c>qwen</c>, <c>阿里</c>, <c>kimi</c> …</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public string? ShortName { get; init; }

    public bool IsChinese => string.Equals(Country, "CN", StringComparison.OrdinalIgnoreCase);

    /// <summary>The short display name (e.g. "Alibaba") or the English name.</summary>
    public string DisplayName(Language language) =>
        language == Language.Zh ? NameZh : ShortName ?? NameEn;

    /// <summary>True when <paramref name="owner"/> (<see cref="RepoId.Owner"/>) is one of this vendor's orgs; ask <c>VendorMatcher.ByOwner</c> for a repo's vendor.</summary>
    public bool OwnsOrg(string owner) =>
        HfOrgs.Concat(LegacyOrgs).Any(o => string.Equals(o, owner, StringComparison.OrdinalIgnoreCase));
}
