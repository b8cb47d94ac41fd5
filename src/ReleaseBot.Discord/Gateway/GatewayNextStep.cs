namespace ReleaseBot.Discord.Gateway;

/// <summary>What the client does after a connection ended.</summary>
public enum GatewayNextStep
{
    /// <summary>Reconnect to <c>resume_gateway_url</c> and send Resume (falls back to Identify without a session).</summary>
    Resume,

    /// <summary>Forget the session, reconnect to the gateway URL and Identify.</summary>
    Identify,

    /// <summary>Stop: reconnecting cannot succeed without an operator (bad token, bad intents, bad shard, bad version).</summary>
    Fatal,
}
