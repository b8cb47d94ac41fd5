namespace ReleaseBot.Core.Ports;

/// <summary>What a platform said to one send.</summary>
public abstract record SendOutcome
{
    private SendOutcome() { }

    /// <summary>Delivered; the platform's message ids (several when the reply was split).</summary>
    public sealed record Sent(IReadOnlyList<string> MessageIds) : SendOutcome;

    /// <summary>
    /// Nothing was sent: the chat has to wait until <paramref name="Until"/>, because the platform said so (a 429's
    /// retry_after) or because the sender's own limits for that chat are full (a group's window, an empty bucket).
    /// Not a failure: the chat's rows wait without counting an attempt.
    /// </summary>
    public sealed record WaitUntil(DateTimeOffset Until, string Reason) : SendOutcome;

    /// <summary>A passing fault (5xx, network): retry with backoff.</summary>
    public sealed record Transient(string Reason) : SendOutcome;

    /// <summary>The chat is gone for the bot (blocked, kicked, not found): pause the subscription.</summary>
    public sealed record ChatUnavailable(string Reason) : SendOutcome;

    /// <summary>The chat no longer exists for anyone (Discord's Unknown Channel / Unknown Guild): remove the subscription.</summary>
    public sealed record ChatGone(string Reason) : SendOutcome;

    /// <summary>The chat moved (Telegram group → supergroup): move the subscription and resend.</summary>
    public sealed record Migrated(string NewChatId) : SendOutcome;

    /// <summary>This message will never go through (bad request): fail it, keep the subscription.</summary>
    public sealed record Permanent(string Reason) : SendOutcome;
}
