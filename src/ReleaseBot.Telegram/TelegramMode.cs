namespace ReleaseBot.Telegram;

/// <summary>How updates reach the bot.</summary>
public enum TelegramMode
{
    /// <summary>getUpdates long polling: needs no public endpoint.</summary>
    Polling = 0,
    /// <summary>Telegram POSTs updates to <see cref="TelegramOptions.WebhookUrl"/>.</summary>
    Webhook = 1,
}
