namespace ReleaseBot.Discord.Chats;

public enum DiscordOverwriteType
{
    Role = 0,
    Member = 1,
}
