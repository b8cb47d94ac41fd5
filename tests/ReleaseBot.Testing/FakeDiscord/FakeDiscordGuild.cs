namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>A guild the bot is in: its roles (the first is @everyone, id = guild id), channels and the bot's roles.</summary>
public sealed record FakeDiscordGuild(ulong Id, string Name, IReadOnlyList<FakeDiscordRole> Roles, IReadOnlyList<FakeDiscordChannel> Channels)
{
    public ulong OwnerId { get; init; } = 290483761559240704;
    /// <summary>Roles of the bot's member (beyond @everyone); their permissions add to @everyone's.</summary>
    public IReadOnlyList<ulong> BotRoleIds { get; init; } = [];

    /// <summary>
    /// A guild with @everyone allowed to view and post (VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | READ_MESSAGE_HISTORY |
    /// USE_APPLICATION_COMMANDS) and the given text channels, none with overwrites.
    /// </summary>
    public static FakeDiscordGuild Create(ulong id, string name, params ulong[] textChannelIds) => new(
        id,
        name,
        [new FakeDiscordRole(id, "@everyone", FakeDiscordPermissions.DefaultEveryone)],
        [.. textChannelIds.Select((c, i) => new FakeDiscordChannel(c, id, $"channel-{i + 1}", FakeDiscordChannel.GuildText))]);
}
