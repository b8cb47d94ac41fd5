using System.Text.Json.Serialization;

namespace ReleaseBot.Discord.Rendering;

/// <summary>A rich embed as Create Message takes it; <see cref="DiscordLimits"/> lists what each part may hold.</summary>
public sealed record DiscordEmbed
{
    [JsonPropertyName("title"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Title { get; init; }

    [JsonPropertyName("url"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Url { get; init; }

    [JsonPropertyName("description"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Description { get; init; }

    /// <summary>RGB as an integer.</summary>
    [JsonPropertyName("color"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Color { get; init; }

    [JsonPropertyName("author"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DiscordEmbedAuthor? Author { get; init; }

    [JsonPropertyName("fields"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<DiscordEmbedField>? Fields { get; init; }

    [JsonPropertyName("footer"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DiscordEmbedFooter? Footer { get; init; }

    /// <summary>The characters Discord counts toward the 6000 of a message: title, description, field names and values, footer, author.</summary>
    [JsonIgnore]
    public int CountedLength =>
        (Title?.Length ?? 0) + (Description?.Length ?? 0) + (Footer?.Text.Length ?? 0) + (Author?.Name.Length ?? 0)
        + (Fields?.Sum(f => f.Name.Length + f.Value.Length) ?? 0);
}
