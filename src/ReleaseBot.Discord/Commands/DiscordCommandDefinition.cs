using System.Text.Json.Serialization;

namespace ReleaseBot.Discord.Commands;

/// <summary>One CHAT_INPUT command in the body of <c>PUT /applications/{id}/commands</c>.</summary>
public sealed record DiscordCommandDefinition
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>1 = CHAT_INPUT (slash command).</summary>
    [JsonPropertyName("type")]
    public int Type { get; init; } = 1;

    [JsonPropertyName("description")]
    public required string Description { get; init; }

    [JsonPropertyName("description_localizations"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? DescriptionLocalizations { get; init; }

    [JsonPropertyName("options"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<DiscordCommandOption>? Options { get; init; }

    /// <summary>A permission bit set as a decimal string; null means anyone may use the command.</summary>
    [JsonPropertyName("default_member_permissions")]
    public string? DefaultMemberPermissions { get; init; }

    /// <summary>Where the command shows: 0 GUILD, 1 BOT_DM.</summary>
    [JsonPropertyName("contexts")]
    public required IReadOnlyList<int> Contexts { get; init; }

    /// <summary>0 GUILD_INSTALL: the bot is added to servers, not to users.</summary>
    [JsonPropertyName("integration_types")]
    public IReadOnlyList<int> IntegrationTypes { get; init; } = [0];
}
