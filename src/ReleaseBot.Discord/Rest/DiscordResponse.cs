using System.Net;
using System.Text.Json;

namespace ReleaseBot.Discord.Rest;

/// <summary>
/// What became of one <see cref="DiscordRestClient.SendAsync(DiscordRoute, object?, CancellationToken)"/>. Discord's HTTP
/// errors are answers, not exceptions: <see cref="Outcome"/> says whether the request was answered, not sent, or lost on
/// the way, and <see cref="ErrorCode"/> carries Discord's JSON error code (decide on it, not on the message text).
/// </summary>
public sealed record DiscordResponse
{
    public required DiscordOutcome Outcome { get; init; }

    /// <summary>The HTTP status, when Discord answered.</summary>
    public HttpStatusCode? Status { get; init; }

    /// <summary>The parsed JSON body (a clone, safe to keep); <c>Undefined</c> for 204 and non-JSON bodies.</summary>
    public JsonElement Body { get; init; }

    /// <summary>Discord's JSON error code (e.g. 10003 unknown channel, 50013 missing permissions); 0 is "general error".</summary>
    public int? ErrorCode { get; init; }

    /// <summary>Discord's error message; for people, not for decisions.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>
    /// When a request that was not sent (rate limit or invalid-request guard) or drew a 429 may be tried again.
    /// </summary>
    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>The 429's scope (<c>user</c>, <c>global</c>, <c>shared</c>), when there was one.</summary>
    public string? RateLimitScope { get; init; }

    /// <summary>The network failure or timeout behind <see cref="DiscordOutcome.TransportFailure"/>.</summary>
    public Exception? TransportError { get; init; }

    /// <summary>2xx.</summary>
    public bool IsSuccess => Outcome == DiscordOutcome.Answered && Status is { } s && (int)s is >= 200 and < 300;

    /// <summary>5xx or a lost request: worth sending again later (with a nonce, so that a message is never posted twice).</summary>
    public bool IsTransient => Outcome == DiscordOutcome.TransportFailure || Status is { } s && (int)s >= 500;

    public override string ToString() => Outcome switch
    {
        DiscordOutcome.Answered when ErrorCode is { } code => $"{(int?)Status} code {code} ({ErrorMessage})",
        DiscordOutcome.Answered => $"{(int?)Status}",
        DiscordOutcome.TransportFailure => $"transport failure ({TransportError?.GetType().Name})",
        _ => $"{Outcome} until {RetryAt:O}",
    };
}
