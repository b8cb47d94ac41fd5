using System.Globalization;
using System.Net;
using ReleaseBot.Core.Ports;

namespace ReleaseBot.Discord.Sending;

/// <summary>
/// Maps what Discord answered to what the delivery engine does, on the JSON <c>code</c> first (the message text may
/// change; reference §8) and the HTTP status after. Reasons carry Discord's code and message, never a URL or header.
/// </summary>
public static class DiscordErrorClassifier
{
    /// <summary>Used when a 429 carries neither <c>retry_after</c> nor <c>Retry-After</c>.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    /// <summary>
    /// True when the answer means the channel or guild no longer exists for anyone (10003, 10004): the subscription
    /// is removed (<see cref="SendOutcome.ChatGone"/>), not paused.
    /// </summary>
    public static bool IsChatGone(int? code) => code is DiscordErrorCodes.UnknownChannel or DiscordErrorCodes.UnknownGuild;

    public static SendOutcome Classify(int status, string? body, DateTimeOffset now, TimeSpan? retryAfterHeader = null) =>
        Classify(status, DiscordErrorBody.Parse(body), now, retryAfterHeader);

    public static SendOutcome Classify(int status, DiscordErrorBody error, DateTimeOffset now, TimeSpan? retryAfterHeader = null)
    {
        var reason = Reason(status, error);
        if (status == (int)HttpStatusCode.TooManyRequests)
        {
            return new SendOutcome.WaitUntil(now + RetryAfter(error, retryAfterHeader), reason);
        }

        return error.Code switch
        {
            _ when IsChatGone(error.Code) => new SendOutcome.ChatGone(reason),
            DiscordErrorCodes.MissingAccess => new SendOutcome.ChatUnavailable(reason + " (the bot cannot see the channel)"),
            DiscordErrorCodes.MissingPermissions => new SendOutcome.ChatUnavailable(reason + " (needs View Channel, Send Messages, Embed Links; in threads Send Messages in Threads)"),
            DiscordErrorCodes.NonTextChannel or DiscordErrorCodes.ArchivedThread => new SendOutcome.ChatUnavailable(reason),
            DiscordErrorCodes.Overloaded => new SendOutcome.Transient(reason),
            _ => status switch
            {
                >= 500 => new SendOutcome.Transient(reason),
                // A bad token stops every send alike: back off and let the operator see it in the log.
                (int)HttpStatusCode.Unauthorized => new SendOutcome.Transient(reason),
                (int)HttpStatusCode.Forbidden => new SendOutcome.ChatUnavailable(reason),
                // A 404 without a JSON code is a wrong base URL or a proxy, not a missing channel.
                (int)HttpStatusCode.NotFound when error.Code is null => new SendOutcome.Transient(reason),
                _ => new SendOutcome.Permanent(reason),
            },
        };
    }

    /// <summary>A send that threw: network faults and timeouts pass; the caller's own cancellation is not classified here.</summary>
    public static SendOutcome Classify(Exception exception) => exception switch
    {
        HttpRequestException { StatusCode: { } status } => new SendOutcome.Transient($"HTTP {(int)status}"),
        HttpRequestException or TimeoutException or TaskCanceledException or IOException =>
            new SendOutcome.Transient($"network: {exception.GetType().Name}"),
        _ => new SendOutcome.Transient($"unexpected: {exception.GetType().Name}"),
    };

    private static TimeSpan RetryAfter(DiscordErrorBody error, TimeSpan? header)
    {
        // The body's float is the precise wait; the header is rounded up to whole seconds. Take the longer.
        var body = error.RetryAfterSeconds is > 0 and < 86_400 ? TimeSpan.FromSeconds(error.RetryAfterSeconds.Value) : (TimeSpan?)null;
        var wait = new[] { body, header is { Ticks: > 0 } ? header : null }.Max();
        return wait ?? DefaultRetryAfter;
    }

    private static string Reason(int status, DiscordErrorBody error)
    {
        var code = error.Code is { } c ? c.ToString(CultureInfo.InvariantCulture) : "-";
        var message = error.Message is { Length: > 0 } m ? (m.Length <= 200 ? m : m[..200]) : "no message";
        var scope = error.Global ? " (global)" : string.Empty;
        return $"HTTP {status.ToString(CultureInfo.InvariantCulture)} code {code}: {message}{scope}";
    }
}
