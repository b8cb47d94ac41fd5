using System.Net;
using ReleaseBot.Core.Ports;
using Telegram.Bot.Exceptions;

namespace ReleaseBot.Telegram.Sending;

/// <summary>
/// Maps what the Bot API said to what the delivery engine does, by <c>error_code</c> first and then by the
/// description's prefix (Telegram does not publish a list and the wording may change).
/// Reasons carry the API's description or an exception type, never a URL (the token is in it).
/// </summary>
public static class TelegramErrorClassifier
{
    /// <summary>Used when a 429 comes without <c>retry_after</c>.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    /// <summary>What the exception of one request means; <paramref name="now"/> dates a 429's wait.</summary>
    public static SendOutcome Classify(Exception exception, DateTimeOffset now) => exception switch
    {
        ApiRequestException api => Classify(api, now),
        RequestException { HttpStatusCode: { } status } => new SendOutcome.Transient($"HTTP {(int)status}"),
        RequestException or HttpRequestException or TimeoutException or TaskCanceledException =>
            new SendOutcome.Transient($"network: {exception.GetType().Name}"),
        _ => new SendOutcome.Transient($"unexpected: {exception.GetType().Name}"),
    };

    public static SendOutcome Classify(ApiRequestException exception, DateTimeOffset now)
    {
        var description = exception.Message;
        if (exception.Parameters?.MigrateToChatId is { } newChatId)
        {
            return new SendOutcome.Migrated(newChatId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return exception.ErrorCode switch
        {
            (int)HttpStatusCode.TooManyRequests => new SendOutcome.WaitUntil(
                now + (exception.Parameters?.RetryAfter is { } seconds and > 0 ? TimeSpan.FromSeconds(seconds) : DefaultRetryAfter),
                description),
            (int)HttpStatusCode.Forbidden => new SendOutcome.ChatUnavailable(description),
            (int)HttpStatusCode.BadRequest when IsChatGone(description) => new SendOutcome.ChatUnavailable(description),
            // A bad token or base URL stops every send alike: back off and let the operator see it in the log.
            (int)HttpStatusCode.Unauthorized or (int)HttpStatusCode.NotFound => new SendOutcome.Transient(description),
            >= 500 => new SendOutcome.Transient(description),
            _ => new SendOutcome.Permanent(description),
        };
    }

    private static bool IsChatGone(string description) =>
        description.Contains("chat not found", StringComparison.OrdinalIgnoreCase)
        || description.Contains("CHAT_WRITE_FORBIDDEN", StringComparison.OrdinalIgnoreCase)
        || description.Contains("have no rights to send", StringComparison.OrdinalIgnoreCase);
}
