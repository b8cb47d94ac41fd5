using System.Text.Json.Serialization;

namespace ReleaseBot.Discord.Commands;

public sealed record DiscordCommandChoice(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("name_localizations"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyDictionary<string, string>? NameLocalizations = null);
