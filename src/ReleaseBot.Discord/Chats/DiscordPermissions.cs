using System.Globalization;

namespace ReleaseBot.Discord.Chats;

/// <summary>
/// Permission rules: parsing Discord's decimal strings (beyond 2^53, so never through a double), who may manage a
/// chat's subscription, and whether the bot can post there.
/// </summary>
public static class DiscordPermissions
{
    /// <summary>What an announcement needs in a channel: see it, write in it, and show embeds.</summary>
    public const DiscordPermission ToPost = DiscordPermission.ViewChannel | DiscordPermission.SendMessages | DiscordPermission.EmbedLinks;

    /// <summary>In a thread, SEND_MESSAGES_IN_THREADS takes the place of SEND_MESSAGES (it is not inherited).</summary>
    public const DiscordPermission ToPostInThread = DiscordPermission.ViewChannel | DiscordPermission.SendMessagesInThreads | DiscordPermission.EmbedLinks;

    /// <summary>The bits of a permission string; a missing or malformed one grants nothing.</summary>
    public static DiscordPermission Parse(string? value) =>
        ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) ? (DiscordPermission)bits : DiscordPermission.None;

    /// <summary>
    /// True when a member may change the subscription: Administrator, Manage Channels or Manage Guild. Takes the
    /// interaction's <c>member.permissions</c>, which Discord sends already resolved for the channel.
    /// </summary>
    public static bool CanManage(DiscordPermission member) =>
        (member & (DiscordPermission.Administrator | DiscordPermission.ManageChannels | DiscordPermission.ManageGuild)) != 0;

    public static bool CanPost(DiscordPermission inChannel, bool isThread = false) =>
        HasAll(inChannel, isThread ? ToPostInThread : ToPost);

    /// <summary>The post permissions that are missing, for a message that names them.</summary>
    public static DiscordPermission MissingToPost(DiscordPermission inChannel, bool isThread = false) =>
        (isThread ? ToPostInThread : ToPost) & ~(inChannel.HasFlag(DiscordPermission.Administrator) ? DiscordPermission.All : inChannel);

    private static bool HasAll(DiscordPermission granted, DiscordPermission needed) =>
        granted.HasFlag(DiscordPermission.Administrator) || (granted & needed) == needed;
}
