namespace ReleaseBot.Discord.Chats;

/// <summary>One entry of a channel's <c>permission_overwrites</c>: for a role (type 0) or a member (type 1).</summary>
public sealed record DiscordOverwrite(string Id, DiscordOverwriteType Type, DiscordPermission Allow, DiscordPermission Deny);
