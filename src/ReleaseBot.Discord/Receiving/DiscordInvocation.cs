using ReleaseBot.Core.Domain;
using ReleaseBot.Discord.Chats;

namespace ReleaseBot.Discord.Receiving;

/// <summary>
/// Who invoked a command where: the chat it acts on (the picked channel when the command has a channel option), the
/// guild (kept for permission checks and for pausing when the bot leaves it), and the member's permissions in that chat.
/// </summary>
/// <param name="BotPermissions">The bot's permissions in the target channel when Discord sent them; null when unknown.</param>
public sealed record DiscordInvocation(
    ChatAddress Chat,
    string? GuildId,
    string? SenderId,
    bool IsPrivate,
    DiscordPermission SenderPermissions,
    DiscordPermission? BotPermissions)
{
    /// <summary>In a DM the sender owns the chat; in a guild Administrator, Manage Channels or Manage Guild.</summary>
    public bool SenderCanManage => IsPrivate || DiscordPermissions.CanManage(SenderPermissions);
}
