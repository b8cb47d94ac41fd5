namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>A channel: <see cref="GuildId"/> is null for a DM. Types as Discord numbers them (0 text, 5 announcement, 11 thread …).</summary>
public sealed record FakeDiscordChannel(ulong Id, ulong? GuildId, string Name, int Type)
{
    public const int GuildText = 0;
    public const int Dm = 1;
    public const int GuildVoice = 2;
    public const int GuildCategory = 4;
    public const int GuildAnnouncement = 5;
    public const int PublicThread = 11;

    public IReadOnlyList<FakeDiscordOverwrite> PermissionOverwrites { get; init; } = [];
    public ulong? ParentId { get; init; }
    public int Position { get; init; }

    public bool IsThread => Type is 10 or 11 or 12;
    public bool CanHoldMessages => Type is GuildText or Dm or 3 or GuildAnnouncement or 10 or 11 or 12;
}
