namespace ReleaseBot.Discord.Gateway;

/// <summary>
/// Gateway close codes and what each asks of the client
/// (https://docs.discord.com/developers/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes).
/// </summary>
public static class GatewayCloseCodes
{
    /// <summary>Sent by us on a zombie connection, op 7 and op 9: any code but 1000/1001 keeps the session resumable.</summary>
    public const int Reconnecting = 4000;

    public static GatewayNextStep Classify(int? closeCode) => closeCode switch
    {
        // Bad token, invalid shard, sharding required, invalid API version, invalid or disallowed intents: Discord's
        // "Reconnect" column says no, and another Identify would only spend the daily 1000.
        4004 or (>= 4010 and <= 4014) => GatewayNextStep.Fatal,

        // Not authenticated, invalid seq, session timed out: the session cannot be resumed.
        4003 or 4007 or 4009 => GatewayNextStep.Identify,

        // Everything else, a dropped connection without a code included, may be resumed.
        _ => GatewayNextStep.Resume,
    };

    /// <summary>A few words for a log line or the fatal error, naming the setting to fix where there is one.</summary>
    public static string Describe(int? closeCode) => closeCode switch
    {
        null => "connection lost",
        1000 or 1001 => "closed normally",
        4000 => "unknown error",
        4001 => "unknown opcode",
        4002 => "decode error",
        4003 => "not authenticated",
        4004 => "authentication failed: check ReleaseBot:Discord:Token",
        4005 => "already authenticated",
        4007 => "invalid seq",
        4008 => "rate limited",
        4009 => "session timed out",
        4010 => "invalid shard",
        4011 => "sharding required",
        4012 => "invalid API version",
        4013 => "invalid intents",
        4014 => "disallowed intents: enable them for the application in the Developer Portal",
        _ => "unknown close code",
    };
}
