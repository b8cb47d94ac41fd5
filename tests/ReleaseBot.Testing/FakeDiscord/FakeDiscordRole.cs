namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>A guild role; <see cref="Permissions"/> is a bit set (sent as a decimal string).</summary>
public sealed record FakeDiscordRole(ulong Id, string Name, ulong Permissions, int Position = 0);
