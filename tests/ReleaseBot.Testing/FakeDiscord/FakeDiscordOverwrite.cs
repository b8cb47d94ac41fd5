namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>A channel permission overwrite: <see cref="Type"/> 0 = role, 1 = member.</summary>
public sealed record FakeDiscordOverwrite(ulong Id, int Type, ulong Allow, ulong Deny)
{
    public static FakeDiscordOverwrite Role(ulong roleId, ulong allow = 0, ulong deny = 0) => new(roleId, 0, allow, deny);
    public static FakeDiscordOverwrite Member(ulong userId, ulong allow = 0, ulong deny = 0) => new(userId, 1, allow, deny);
}
