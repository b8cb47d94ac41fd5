namespace ReleaseBot.Discord;

/// <summary>Section <c>ReleaseBot:Discord</c>. The adapter itself is not built yet; the settings are reserved.</summary>
public sealed class DiscordOptions
{
    public const string Section = "ReleaseBot:Discord";

    /// <summary>Bot token; empty disables Discord.</summary>
    public string Token { get; set; } = string.Empty;

    /// <summary>REST base URL (v10).</summary>
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>Hex Ed25519 public key of the application, for verifying interaction requests.</summary>
    public string PublicKey { get; set; } = string.Empty;

    public bool Enabled => !string.IsNullOrWhiteSpace(Token);
}
