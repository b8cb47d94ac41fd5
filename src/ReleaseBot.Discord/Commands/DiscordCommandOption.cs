using System.Text.Json.Serialization;

namespace ReleaseBot.Discord.Commands;

/// <summary>One typed option of a slash command, as the bulk overwrite takes it.</summary>
public sealed record DiscordCommandOption
{
    [JsonPropertyName("type")]
    public required DiscordOptionType Type { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("description")]
    public required string Description { get; init; }

    [JsonPropertyName("description_localizations"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? DescriptionLocalizations { get; init; }

    [JsonPropertyName("required")]
    public bool Required { get; init; }

    [JsonPropertyName("autocomplete"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Autocomplete { get; init; }

    [JsonPropertyName("choices"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<DiscordCommandChoice>? Choices { get; init; }

    [JsonPropertyName("channel_types"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<int>? ChannelTypes { get; init; }

    [JsonPropertyName("min_value"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MinValue { get; init; }

    [JsonPropertyName("max_value"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MaxValue { get; init; }

    [JsonPropertyName("max_length"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MaxLength { get; init; }
}
