namespace ReleaseBot.Discord.Gateway;

/// <summary>
/// The intents ReleaseBot identifies with (https://docs.discord.com/developers/events/gateway#list-of-intents). Fixed, not a
/// setting: <c>INTERACTION_CREATE</c> (slash commands) needs no intent at all, and nothing privileged is wanted.
/// </summary>
public static class GatewayIntents
{
    /// <summary>
    /// <c>GUILDS</c> (1 &lt;&lt; 0, not privileged) enables GUILD_CREATE / GUILD_UPDATE / GUILD_DELETE,
    /// GUILD_ROLE_CREATE / UPDATE / DELETE, CHANNEL_CREATE / UPDATE / DELETE, CHANNEL_PINS_UPDATE,
    /// THREAD_CREATE / UPDATE / DELETE, THREAD_LIST_SYNC, THREAD_MEMBER_UPDATE, THREAD_MEMBERS_UPDATE and
    /// STAGE_INSTANCE_CREATE / UPDATE / DELETE. ReleaseBot uses GUILD_DELETE and CHANNEL_DELETE (and THREAD_DELETE) to
    /// pause the subscriptions of a guild it left or of a channel that is gone.
    /// </summary>
    public const int Guilds = 1 << 0;

    /// <summary>What Identify sends.</summary>
    public const int Identify = Guilds;
}
