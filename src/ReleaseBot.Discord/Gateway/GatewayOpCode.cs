namespace ReleaseBot.Discord.Gateway;

/// <summary>Gateway opcodes this client sends or handles (https://docs.discord.com/developers/topics/opcodes-and-status-codes#gateway-gateway-opcodes).</summary>
public enum GatewayOpCode
{
    Dispatch = 0,
    Heartbeat = 1,
    Identify = 2,
    Resume = 6,
    Reconnect = 7,
    InvalidSession = 9,
    Hello = 10,
    HeartbeatAck = 11,
}
