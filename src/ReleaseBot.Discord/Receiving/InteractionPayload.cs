using System.Text.Json.Serialization;

namespace ReleaseBot.Discord.Receiving;

/// <summary>
/// The parts of an Interaction (the <c>d</c> of INTERACTION_CREATE, or an HTTP interaction body) that commands read.
/// Unknown properties are ignored; ids stay strings as on the wire.
/// </summary>
public sealed record InteractionPayload
{
    /// <summary>2 APPLICATION_COMMAND, 4 APPLICATION_COMMAND_AUTOCOMPLETE.</summary>
    [JsonPropertyName("type")] public int Type { get; init; }
    [JsonPropertyName("id")] public string Id { get; init; } = string.Empty;
    [JsonPropertyName("guild_id")] public string? GuildId { get; init; }
    [JsonPropertyName("channel_id")] public string? ChannelId { get; init; }
    [JsonPropertyName("channel")] public InteractionChannel? Channel { get; init; }
    /// <summary>Present in a guild; its permissions are already resolved for the channel.</summary>
    [JsonPropertyName("member")] public InteractionMember? Member { get; init; }
    /// <summary>Present in a DM instead of <see cref="Member"/>.</summary>
    [JsonPropertyName("user")] public InteractionUser? User { get; init; }
    [JsonPropertyName("data")] public InteractionData? Data { get; init; }
    [JsonPropertyName("locale")] public string? Locale { get; init; }
    /// <summary>The bot's own permissions where the interaction happened.</summary>
    [JsonPropertyName("app_permissions")] public string? AppPermissions { get; init; }
    /// <summary>0 GUILD, 1 BOT_DM, 2 PRIVATE_CHANNEL.</summary>
    [JsonPropertyName("context")] public int? Context { get; init; }

    public const int ApplicationCommand = 2;
    public const int Autocomplete = 4;
}
