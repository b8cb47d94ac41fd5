namespace ReleaseBot.Core.Ports;

/// <summary>What a platform said to one send.</summary>
public abstract record SendOutcome
{
    private SendOutcome() { }

    /// <summary>Delivered; the platform's message ids (several when the reply was split).</summary>
    public sealed record Sent(IReadOnlyList<string> MessageIds) : SendOutcome;

    /// <summary>Rate limited: try again after the platform's own wait.</summary>
    public sealed record RetryAfter(TimeSpan Wait, string Reason) : SendOutcome;

    /// <summary>A passing fault (5xx, network): retry with backoff.</summary>
    public sealed record Transient(string Reason) : SendOutcome;

    /// <summary>The chat is gone for the bot (blocked, kicked, not found): pause the subscription.</summary>
    public sealed record ChatUnavailable(string Reason) : SendOutcome;

    /// <summary>The chat moved (Telegram group → supergroup): move the subscription and resend.</summary>
    public sealed record Migrated(string NewChatId) : SendOutcome;

    /// <summary>This message will never go through (bad request): fail it, keep the subscription.</summary>
    public sealed record Permanent(string Reason) : SendOutcome;
}
