namespace ReleaseBot.Discord.Chats;

/// <summary>
/// A member's permissions in a channel, computed as Discord documents it
/// (https://docs.discord.com/developers/topics/permissions#permission-overwrites): the guild owner has all; else the
/// @everyone role (its id is the guild id) OR'd with the member's roles; Administrator grants all; then the channel's
/// overwrites in order — @everyone, the member's roles together (deny, then allow), the member.
/// Used for the bot itself when an interaction does not carry <c>app_permissions</c> for the target channel.
/// </summary>
public static class DiscordChannelPermissions
{
    public static DiscordPermission Compute(
        string guildId,
        string? guildOwnerId,
        string memberId,
        IReadOnlyCollection<string> memberRoleIds,
        IReadOnlyDictionary<string, DiscordPermission> rolePermissions,
        IReadOnlyList<DiscordOverwrite> overwrites)
    {
        if (memberId == guildOwnerId)
        {
            return DiscordPermission.All;
        }

        var permissions = rolePermissions.GetValueOrDefault(guildId);
        foreach (var roleId in memberRoleIds)
        {
            permissions |= rolePermissions.GetValueOrDefault(roleId);
        }

        if (permissions.HasFlag(DiscordPermission.Administrator))
        {
            return DiscordPermission.All;
        }

        if (overwrites.FirstOrDefault(o => o.Type == DiscordOverwriteType.Role && o.Id == guildId) is { } everyone)
        {
            permissions = (permissions & ~everyone.Deny) | everyone.Allow;
        }

        var roleAllow = DiscordPermission.None;
        var roleDeny = DiscordPermission.None;
        foreach (var overwrite in overwrites.Where(o => o.Type == DiscordOverwriteType.Role && o.Id != guildId && memberRoleIds.Contains(o.Id)))
        {
            roleAllow |= overwrite.Allow;
            roleDeny |= overwrite.Deny;
        }

        permissions = (permissions & ~roleDeny) | roleAllow;
        if (overwrites.FirstOrDefault(o => o.Type == DiscordOverwriteType.Member && o.Id == memberId) is { } member)
        {
            permissions = (permissions & ~member.Deny) | member.Allow;
        }

        // Without View Channel nothing else in the channel applies.
        return permissions.HasFlag(DiscordPermission.ViewChannel) ? permissions : DiscordPermission.None;
    }
}
