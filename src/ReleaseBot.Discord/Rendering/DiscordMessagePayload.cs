using System.Text.Json.Serialization;

namespace ReleaseBot.Discord.Rendering;

/// <summary>
/// The body of <c>POST /channels/{id}/messages</c> (and, without the nonce, of an interaction reply).
/// Property names are pinned to the API's snake_case so any serializer options give the same JSON.
/// </summary>
public sealed record DiscordMessagePayload
{
    [JsonPropertyName("content"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Content { get; init; }

    [JsonPropertyName("embeds"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<DiscordEmbed>? Embeds { get; init; }

    [JsonPropertyName("allowed_mentions")]
    public DiscordAllowedMentions AllowedMentions { get; init; } = DiscordAllowedMentions.None;

    /// <summary>At most 25 characters; with <see cref="EnforceNonce"/> a repeated send returns the first message.</summary>
    [JsonPropertyName("nonce"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Nonce { get; init; }

    [JsonPropertyName("enforce_nonce"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? EnforceNonce { get; init; }

    /// <summary>Message flags: <see cref="DiscordLimits.SuppressEmbedsFlag"/>, or EPHEMERAL (64) in interaction replies.</summary>
    [JsonPropertyName("flags"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Flags { get; init; }
}
