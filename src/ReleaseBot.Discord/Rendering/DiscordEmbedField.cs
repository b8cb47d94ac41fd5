using System.Text.Json.Serialization;

namespace ReleaseBot.Discord.Rendering;

public sealed record DiscordEmbedField(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("inline")] bool Inline);
