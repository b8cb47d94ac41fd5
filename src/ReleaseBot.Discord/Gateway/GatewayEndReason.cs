namespace ReleaseBot.Discord.Gateway;

public enum GatewayEndReason
{
    /// <summary>The server sent a close frame (its code decides what follows).</summary>
    Closed,

    /// <summary>The connection failed or broke without a close frame.</summary>
    Dropped,

    /// <summary>No heartbeat ACK arrived between two heartbeats; we closed it with 4000.</summary>
    Zombie,

    /// <summary>op 7 Reconnect.</summary>
    ReconnectRequested,

    /// <summary>op 9 Invalid Session.</summary>
    InvalidSession,

    /// <summary>The caller's cancellation: we closed with 1000.</summary>
    Stopped,
}
