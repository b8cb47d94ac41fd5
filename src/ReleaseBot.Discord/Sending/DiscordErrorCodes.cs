namespace ReleaseBot.Discord.Sending;

/// <summary>The JSON error codes the sender acts on (https://docs.discord.com/developers/topics/opcodes-and-status-codes#json-json-error-codes).</summary>
public static class DiscordErrorCodes
{
    public const int UnknownChannel = 10003;
    public const int UnknownGuild = 10004;
    public const int ChannelWriteRateLimit = 20028;
    public const int ServerWriteRateLimit = 20029;
    public const int MissingAccess = 50001;
    public const int EmptyMessage = 50006;
    public const int NonTextChannel = 50008;
    public const int MissingPermissions = 50013;
    public const int InvalidFormBody = 50035;
    public const int ArchivedThread = 50083;
    public const int InteractionAlreadyAcknowledged = 40060;
    public const int Overloaded = 130000;
}
