using System.Text.Json.Serialization;

namespace ReleaseBot.Discord.Rendering;

public sealed record DiscordEmbedAuthor(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("url"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Url = null);
