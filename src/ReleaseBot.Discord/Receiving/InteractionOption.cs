using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReleaseBot.Discord.Receiving;

/// <summary>One option as sent: a string, integer, boolean or snowflake string value; <see cref="Focused"/> while autocompleting.</summary>
public sealed record InteractionOption
{
    [JsonPropertyName("name")] public string Name { get; init; } = string.Empty;
    [JsonPropertyName("type")] public int Type { get; init; }
    [JsonPropertyName("value")] public JsonElement? Value { get; init; }
    [JsonPropertyName("focused")] public bool Focused { get; init; }

    /// <summary>The value as text: strings as they are, numbers in invariant form; null when absent.</summary>
    [JsonIgnore]
    public string? Text => Value switch
    {
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Number } v => v.TryGetInt64(out var n) ? n.ToString(CultureInfo.InvariantCulture) : v.GetRawText(),
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        _ => null,
    };
}
