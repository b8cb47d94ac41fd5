namespace ReleaseBot.Discord.Gateway;

/// <summary>
/// The gateway refused the bot in a way reconnecting cannot fix (close 4004, 4010–4014, or a 401 on <c>GET /gateway/bot</c>).
/// Already logged once by <see cref="DiscordGatewayClient"/>; the message names the cause, never the token.
/// </summary>
public sealed class DiscordGatewayFatalException : Exception
{
    public DiscordGatewayFatalException()
    {
    }

    public DiscordGatewayFatalException(string message)
        : base(message)
    {
    }

    public DiscordGatewayFatalException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DiscordGatewayFatalException(int? closeCode, string message)
        : base(message)
    {
        CloseCode = closeCode;
    }

    /// <summary>The close code, or null for a 401 before connecting.</summary>
    public int? CloseCode { get; }
}
