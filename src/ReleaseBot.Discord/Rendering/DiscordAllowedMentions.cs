using System.Text.Json.Serialization;

namespace ReleaseBot.Discord.Rendering;

/// <summary>
/// Which mentions in a message may ping. Regular messages parse every mention when this is left out, so every
/// message the bot sends carries <see cref="None"/>: model names are untrusted text.
/// </summary>
public sealed record DiscordAllowedMentions
{
    public static DiscordAllowedMentions None { get; } = new();

    [JsonPropertyName("parse")]
    public IReadOnlyList<string> Parse { get; init; } = [];
}
