using System.Text.Json.Serialization;

namespace ReleaseBot.Discord.Receiving;

/// <summary>A partial channel: the interaction's own, or one in <c>data.resolved.channels</c>.</summary>
public sealed record InteractionChannel
{
    [JsonPropertyName("id")] public string Id { get; init; } = string.Empty;
    [JsonPropertyName("type")] public int Type { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    /// <summary>For a thread, the channel it belongs to.</summary>
    [JsonPropertyName("parent_id")] public string? ParentId { get; init; }
    /// <summary>In resolved channels: the invoking member's permissions in that channel.</summary>
    [JsonPropertyName("permissions")] public string? Permissions { get; init; }
    /// <summary>In resolved channels (since 2026-07): the bot's permissions there, when the bot is in the guild.</summary>
    [JsonPropertyName("app_permissions")] public string? AppPermissions { get; init; }

    /// <summary>10 ANNOUNCEMENT_THREAD, 11 PUBLIC_THREAD, 12 PRIVATE_THREAD.</summary>
    [JsonIgnore] public bool IsThread => Type is 10 or 11 or 12;
}
