using System.Globalization;
using System.Text.Json.Nodes;

namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>Wire shapes of the fake's objects, following the samples in reference/samples (string snowflakes, string permissions).</summary>
internal static class FakeDiscordJson
{
    public static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);

    public static JsonObject BotUser(FakeDiscordOptions options) => new()
    {
        ["id"] = Id(options.BotUserId),
        ["username"] = options.BotUsername,
        ["discriminator"] = "0",
        ["global_name"] = null,
        ["avatar"] = null,
        ["bot"] = true,
        ["verified"] = true,
        ["mfa_enabled"] = true,
        ["flags"] = 0,
    };

    public static JsonObject Channel(FakeDiscordChannel channel)
    {
        var json = new JsonObject
        {
            ["id"] = Id(channel.Id),
            ["type"] = channel.Type,
            ["name"] = channel.Name,
            ["position"] = channel.Position,
            ["flags"] = 0,
            ["permission_overwrites"] = new JsonArray([.. channel.PermissionOverwrites.Select(Overwrite)]),
            ["parent_id"] = channel.ParentId is { } parent ? Id(parent) : null,
        };
        if (channel.GuildId is { } guildId)
        {
            json["guild_id"] = Id(guildId);
            json["nsfw"] = false;
            json["topic"] = null;
            json["rate_limit_per_user"] = 0;
            json["last_message_id"] = null;
        }

        return json;
    }

    public static JsonObject Overwrite(FakeDiscordOverwrite overwrite) => new()
    {
        ["id"] = Id(overwrite.Id),
        ["type"] = overwrite.Type,
        ["allow"] = Id(overwrite.Allow),
        ["deny"] = Id(overwrite.Deny),
    };

    public static JsonObject Role(FakeDiscordRole role) => new()
    {
        ["id"] = Id(role.Id),
        ["name"] = role.Name,
        ["permissions"] = Id(role.Permissions),
        ["position"] = role.Position,
        ["color"] = 0,
        ["hoist"] = false,
        ["managed"] = false,
        ["mentionable"] = false,
        ["flags"] = 0,
    };

    public static JsonObject Message(FakeDiscordMessage message, JsonObject author) => new()
    {
        ["id"] = Id(message.Id),
        ["type"] = message.InteractionId is null ? 0 : 20,
        ["channel_id"] = Id(message.ChannelId),
        ["author"] = author,
        ["content"] = message.Content ?? string.Empty,
        ["embeds"] = message.Embeds.DeepClone(),
        ["attachments"] = new JsonArray(),
        ["mentions"] = new JsonArray(),
        ["mention_roles"] = new JsonArray(),
        ["mention_everyone"] = false,
        ["pinned"] = false,
        ["tts"] = false,
        ["timestamp"] = Time(message.CreatedAt),
        ["edited_timestamp"] = message.EditedAt is { } edited ? Time(edited) : null,
        ["flags"] = message.Flags,
        ["nonce"] = message.Nonce,
    };

    /// <summary>GUILD_CREATE's <c>d</c>: the guild with roles, channels (with overwrites) and the bot's member.</summary>
    public static JsonObject Guild(FakeDiscordGuild guild, JsonObject botUser, DateTimeOffset joinedAt) => new()
    {
        ["id"] = Id(guild.Id),
        ["name"] = guild.Name,
        ["owner_id"] = Id(guild.OwnerId),
        ["unavailable"] = false,
        ["large"] = false,
        ["member_count"] = 2,
        ["joined_at"] = Time(joinedAt),
        ["preferred_locale"] = "en-US",
        ["features"] = new JsonArray(),
        ["roles"] = new JsonArray([.. guild.Roles.Select(Role)]),
        ["channels"] = new JsonArray([.. guild.Channels.Where(c => !c.IsThread).Select(Channel)]),
        ["threads"] = new JsonArray([.. guild.Channels.Where(c => c.IsThread).Select(Channel)]),
        ["members"] = new JsonArray(new JsonObject
        {
            ["user"] = botUser,
            ["roles"] = new JsonArray([.. guild.BotRoleIds.Select(r => (JsonNode)Id(r))]),
            ["joined_at"] = Time(joinedAt),
            ["nick"] = null,
            ["deaf"] = false,
            ["mute"] = false,
            ["flags"] = 0,
            ["pending"] = false,
        }),
        ["emojis"] = new JsonArray(),
        ["stickers"] = new JsonArray(),
        ["voice_states"] = new JsonArray(),
        ["presences"] = new JsonArray(),
        ["stage_instances"] = new JsonArray(),
        ["guild_scheduled_events"] = new JsonArray(),
    };
}
