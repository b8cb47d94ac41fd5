using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReleaseBot.Discord.Rest;

/// <summary>
/// How request bodies are written: snake_case property names (Discord's), nulls left out (Discord reads an explicit null
/// as "clear this field" on some routes), enums as numbers. A body type can still name a property with [JsonPropertyName].
/// </summary>
public static class DiscordJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
