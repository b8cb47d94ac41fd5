namespace ReleaseBot.Core.Health;

/// <summary>The parts whose state decides readiness; a part that is not enabled never reports and is not waited for.</summary>
public enum HealthComponent
{
    /// <summary>The Hub poller: ready while its last successful cycle is recent.</summary>
    HubPoll,
    /// <summary>Telegram's Bot API answers (getUpdates, setWebhook, sends).</summary>
    Telegram,
    /// <summary>The Discord gateway session is ready (READY or RESUMED seen, not since closed).</summary>
    Discord,
}
