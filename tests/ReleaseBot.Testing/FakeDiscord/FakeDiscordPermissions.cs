namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>Permission bits (reference/discord.md §5) and Discord's documented computation of a member's channel permissions.</summary>
public static class FakeDiscordPermissions
{
    public const ulong Administrator = 1UL << 3;
    public const ulong ManageChannels = 1UL << 4;
    public const ulong ManageGuild = 1UL << 5;
    public const ulong ViewChannel = 1UL << 10;
    public const ulong SendMessages = 1UL << 11;
    public const ulong EmbedLinks = 1UL << 14;
    public const ulong ReadMessageHistory = 1UL << 16;
    public const ulong UseApplicationCommands = 1UL << 31;
    public const ulong SendMessagesInThreads = 1UL << 38;
    /// <summary>Every bit Discord defines today (the value the docs' samples show for an administrator).</summary>
    public const ulong All = 1125899906842623;

    public const ulong DefaultEveryone = ViewChannel | SendMessages | EmbedLinks | ReadMessageHistory | UseApplicationCommands;

    /// <summary>Base (roles) then overwrites: @everyone, roles together, then the member (DPERM "Permission Overwrites").</summary>
    public static ulong Compute(FakeDiscordGuild guild, FakeDiscordChannel channel, ulong userId, IReadOnlyCollection<ulong> roleIds)
    {
        if (userId == guild.OwnerId)
        {
            return All;
        }

        var everyone = guild.Roles.FirstOrDefault(r => r.Id == guild.Id)?.Permissions ?? 0;
        var permissions = guild.Roles.Where(r => roleIds.Contains(r.Id)).Aggregate(everyone, (p, r) => p | r.Permissions);
        if ((permissions & Administrator) != 0)
        {
            return All;
        }

        var overwrites = channel.PermissionOverwrites;
        if (channel.IsThread && channel.ParentId is { } parentId && guild.Channels.FirstOrDefault(c => c.Id == parentId) is { } parent)
        {
            overwrites = parent.PermissionOverwrites;
        }

        if (overwrites.FirstOrDefault(o => o.Type == 0 && o.Id == guild.Id) is { } everyoneOverwrite)
        {
            permissions = (permissions & ~everyoneOverwrite.Deny) | everyoneOverwrite.Allow;
        }

        ulong allow = 0, deny = 0;
        foreach (var overwrite in overwrites.Where(o => o.Type == 0 && o.Id != guild.Id && roleIds.Contains(o.Id)))
        {
            allow |= overwrite.Allow;
            deny |= overwrite.Deny;
        }

        permissions = (permissions & ~deny) | allow;
        if (overwrites.FirstOrDefault(o => o.Type == 1 && o.Id == userId) is { } member)
        {
            permissions = (permissions & ~member.Deny) | member.Allow;
        }

        return permissions;
    }

    public static bool Has(ulong permissions, ulong bits) => (permissions & bits) == bits;
}
