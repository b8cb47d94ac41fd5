using ReleaseBot.Discord.Chats;

namespace ReleaseBot.Tests.Discord;

public sealed class DiscordPermissionsTests
{
    private const string Guild = "100";
    private const string Bot = "900";
    private const string BotRole = "200";
    private const string MutedRole = "300";

    private static readonly Dictionary<string, DiscordPermission> Roles = new()
    {
        [Guild] = DiscordPermission.ViewChannel | DiscordPermission.SendMessages,
        [BotRole] = DiscordPermission.EmbedLinks,
        [MutedRole] = DiscordPermission.None,
    };

    [Theory]
    [InlineData("8", true)]
    [InlineData("16", true)]
    [InlineData("32", true)]
    [InlineData("2147483648", false)]
    [InlineData("", false)]
    [InlineData("-16", false)]
    [InlineData("not a number", false)]
    public void CanManage_FromMemberPermissionString_NeedsAdminOrManageChannelsOrGuild(string permissions, bool expected) =>
        Assert.Equal(expected, DiscordPermissions.CanManage(DiscordPermissions.Parse(permissions)));

    [Fact]
    public void Parse_LargeValues_KeepEveryBit()
    {
        var parsed = DiscordPermissions.Parse("274877925376"); // SEND_MESSAGES_IN_THREADS | EMBED_LINKS | SEND_MESSAGES
        Assert.True(parsed.HasFlag(DiscordPermission.SendMessagesInThreads));
        Assert.Equal(ulong.MaxValue, (ulong)DiscordPermissions.Parse("18446744073709551615"));
    }

    [Fact]
    public void Compute_RolesOrTogether_BotCanPost()
    {
        var p = DiscordChannelPermissions.Compute(Guild, "1", Bot, [BotRole], Roles, []);
        Assert.True(DiscordPermissions.CanPost(p));
    }

    [Fact]
    public void Compute_EveryoneOverwriteDeniesSend_BotCannotPost()
    {
        var p = DiscordChannelPermissions.Compute(Guild, "1", Bot, [BotRole], Roles,
            [new DiscordOverwrite(Guild, DiscordOverwriteType.Role, DiscordPermission.None, DiscordPermission.SendMessages)]);
        Assert.False(DiscordPermissions.CanPost(p));
        Assert.Equal(DiscordPermission.SendMessages, DiscordPermissions.MissingToPost(p));
    }

    [Fact]
    public void Compute_RoleAllowBeatsRoleDeny_AndMemberOverwriteComesLast()
    {
        var roleAllowWins = DiscordChannelPermissions.Compute(Guild, "1", Bot, [BotRole, MutedRole], Roles,
        [
            new DiscordOverwrite(MutedRole, DiscordOverwriteType.Role, DiscordPermission.None, DiscordPermission.SendMessages),
            new DiscordOverwrite(BotRole, DiscordOverwriteType.Role, DiscordPermission.SendMessages, DiscordPermission.None),
        ]);
        var memberDenies = DiscordChannelPermissions.Compute(Guild, "1", Bot, [BotRole], Roles,
        [
            new DiscordOverwrite(BotRole, DiscordOverwriteType.Role, DiscordPermission.SendMessages, DiscordPermission.None),
            new DiscordOverwrite(Bot, DiscordOverwriteType.Member, DiscordPermission.None, DiscordPermission.EmbedLinks),
        ]);

        Assert.True(DiscordPermissions.CanPost(roleAllowWins));
        Assert.False(DiscordPermissions.CanPost(memberDenies));
        Assert.Equal(DiscordPermission.EmbedLinks, DiscordPermissions.MissingToPost(memberDenies));
    }

    [Fact]
    public void Compute_NoViewChannel_GrantsNothingInTheChannel()
    {
        var p = DiscordChannelPermissions.Compute(Guild, "1", Bot, [BotRole], Roles,
            [new DiscordOverwrite(Guild, DiscordOverwriteType.Role, DiscordPermission.None, DiscordPermission.ViewChannel)]);
        Assert.Equal(DiscordPermission.None, p);
    }

    [Fact]
    public void Compute_AdministratorRoleOrOwner_IgnoresOverwrites()
    {
        var roles = new Dictionary<string, DiscordPermission>(Roles) { [BotRole] = DiscordPermission.Administrator };
        var deny = new DiscordOverwrite(Guild, DiscordOverwriteType.Role, DiscordPermission.None, DiscordPermission.All);

        Assert.Equal(DiscordPermission.All, DiscordChannelPermissions.Compute(Guild, "1", Bot, [BotRole], roles, [deny]));
        Assert.Equal(DiscordPermission.All, DiscordChannelPermissions.Compute(Guild, Bot, Bot, [], Roles, [deny]));
    }

    [Fact]
    public void CanPost_InThread_NeedsSendMessagesInThreads()
    {
        var p = DiscordPermission.ViewChannel | DiscordPermission.SendMessages | DiscordPermission.EmbedLinks;
        Assert.True(DiscordPermissions.CanPost(p));
        Assert.False(DiscordPermissions.CanPost(p, isThread: true));
        Assert.True(DiscordPermissions.CanPost(p | DiscordPermission.SendMessagesInThreads, isThread: true));
    }
}
