namespace ReleaseBot.Testing.FakeHub;

/// <summary>One repo on the fake Hub. Mutable on purpose: tests publish, rename and disable repos while the bot runs.</summary>
public sealed class FakeHubModel
{
    public required string Id { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.Parse("2025-07-21T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    public DateTimeOffset? LastModified { get; set; }
    public bool Private { get; set; }
    public bool Disabled { get; set; }
    /// <summary><c>null</c> = <c>false</c>; otherwise <c>"auto"</c> or <c>"manual"</c>.</summary>
    public string? Gated { get; set; }
    public string? PipelineTag { get; set; } = "text-generation";
    public string? LibraryName { get; set; } = "transformers";
    public List<string> Tags { get; set; } = ["transformers", "safetensors", "text-generation", "conversational", "region:us"];
    public long Likes { get; set; }
    public long Downloads { get; set; }
    public long TrendingScore { get; set; }
    /// <summary>Parameter count for <c>safetensors</c> (BF16); null = no safetensors key (diffusers, GGUF-only).</summary>
    public long? Parameters { get; set; }
    public string? License { get; set; } = "apache-2.0";
    public string? BaseModel { get; set; }
    /// <summary>When false, <c>siblings</c> has no README.md and there is no cardData (the article's complaint).</summary>
    public bool HasReadme { get; set; } = true;
    public string Sha { get; set; } = "0e9e39f249a16976918f6564b8830bc894c89659";

    public string Author => Id.Split('/')[0];

    /// <summary>Realistic ObjectId: the first 8 hex digits are the unix time of createdAt (reference §1.3).</summary>
    public string ObjectId =>
        CreatedAt.ToUnixTimeSeconds().ToString("x8", System.Globalization.CultureInfo.InvariantCulture) +
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Id)))[..16];
}
