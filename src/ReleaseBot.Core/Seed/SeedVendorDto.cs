namespace ReleaseBot.Core.Seed;

/// <summary>One vendor as written in <c>config/vendors.json</c>; nullable so missing fields get a clear error.</summary>
public sealed record SeedVendorDto
{
    public string? Id { get; init; }
    public string? NameEn { get; init; }
    public string? NameZh { get; init; }
    public string? ShortName { get; init; }
    public string? Country { get; init; }
    public IReadOnlyList<string>? HfOrgs { get; init; }
    public IReadOnlyList<string>? LegacyOrgs { get; init; }
    public IReadOnlyList<string>? Families { get; init; }
    public IReadOnlyList<string>? Aliases { get; init; }
    public IReadOnlyList<string>? Sources { get; init; }
}
