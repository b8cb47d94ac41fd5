namespace ReleaseBot.Telegram;

/// <summary>Section <c>ReleaseBot:Telegram</c>. The adapter is enabled when <see cref="Token"/> is set.</summary>
public sealed class TelegramOptions
{
    public const string Section = "ReleaseBot:Telegram";

    /// <summary>Where the webhook listened before the listener was shared; read only when <c>ReleaseBot:Web:ListenUrl</c> is empty.</summary>
    public const string FormerListenUrlKey = Section + ":WebhookListenUrl";

    /// <summary>Bot token from @BotFather; a secret, never logged.</summary>
    public string? Token { get; set; }

    /// <summary>Bot API server; a fake or a local Bot API server in tests. Only scheme and authority are used.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    /// <summary>Public HTTPS URL Telegram posts updates to (webhook mode); its path is served on <c>ReleaseBot:Web:ListenUrl</c>.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>The <c>secret_token</c> Telegram echoes in every webhook request: 1-256 of A-Z a-z 0-9 _ -.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>getUpdates long-poll wait; the official server caps it at 50 s.</summary>
    public TimeSpan LongPollTimeout { get; set; } = TimeSpan.FromSeconds(50);

    /// <summary>Pause after a failed poll before the next one (doubles up to <see cref="PollErrorPauseMax"/>).</summary>
    public TimeSpan PollErrorPause { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan PollErrorPauseMax { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Updates handled at once, each from a different chat (updates of one chat are always handled one after another).
    /// Commands mostly wait on Telegram (an admin check, the reply's send slot), so this can be well above the core count.
    /// </summary>
    public int MaxConcurrentUpdates { get; set; } = 32;

    /// <summary>Spacing between two messages to one chat (Telegram: about one per second).</summary>
    public TimeSpan PerChatInterval { get; set; } = TimeSpan.FromSeconds(1.05);

    /// <summary>Messages per <see cref="GroupWindow"/> to one group or channel (Telegram: 20 per minute).</summary>
    public int GroupMessagesPerWindow { get; set; } = 20;

    public TimeSpan GroupWindow { get; set; } = TimeSpan.FromMinutes(1.05);

    /// <summary>
    /// Optional even spacing of all sends, in messages per second; 0 (the default) = none, sends go as soon as
    /// <see cref="GlobalHardLimitPerSecond"/> allows. Spacing under the limit smooths bursts but costs throughput: a
    /// fan-out cannot start with the second's worth of messages the rolling window allows at once.
    /// </summary>
    public double GlobalMessagesPerSecond { get; set; }

    /// <summary>
    /// Telegram's own global limit per second (30). Sends in flight plus sends completed within the last second stay under
    /// it (or under <see cref="GlobalMessagesPerSecond"/> rounded up, if that is higher); that count bounds every
    /// one-second window at Telegram's end exactly, so it needs no margin.
    /// </summary>
    public int GlobalHardLimitPerSecond { get; set; } = 30;
}
