namespace ReleaseBot.Discord.Chats;

/// <summary>The permission bits ReleaseBot reads (https://docs.discord.com/developers/topics/permissions). The wire form is a decimal string.</summary>
[Flags]
#pragma warning disable CA1028 // Discord's bit set needs 64 bits (SEND_MESSAGES_IN_THREADS is 1 << 38).
public enum DiscordPermission : ulong
#pragma warning restore CA1028
{
    None = 0,
    Administrator = 1UL << 3,
    ManageChannels = 1UL << 4,
    ManageGuild = 1UL << 5,
    ViewChannel = 1UL << 10,
    SendMessages = 1UL << 11,
    EmbedLinks = 1UL << 14,
    ReadMessageHistory = 1UL << 16,
    MentionEveryone = 1UL << 17,
    SendMessagesInThreads = 1UL << 38,
    All = ulong.MaxValue,
}
