using System.Text.Json.Serialization;

namespace ReleaseBot.Core.Seed;

/// <summary>The root of <c>config/vendors.json</c>.</summary>
public sealed record SeedVendorFile
{
    [JsonPropertyName("$comment")]
    public string? Comment { get; init; }
    public IReadOnlyList<SeedVendorDto>? Vendors { get; init; }
}
