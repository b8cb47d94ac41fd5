namespace ReleaseBot.Discord.Rest;

public enum DiscordOutcome
{
    /// <summary>Discord answered; <see cref="DiscordResponse.Status"/> says how (a 429 that outlived the retries included).</summary>
    Answered,

    /// <summary>
    /// Not sent: the route's bucket (or the global limit) is exhausted for longer than the caller's maximum wait.
    /// <see cref="DiscordResponse.RetryAt"/> says when it frees up.
    /// </summary>
    RateLimited,

    /// <summary>
    /// Not sent: too many 401/403/429 answers in the last 10 minutes (<see cref="DiscordInvalidRequestGuard"/>);
    /// <see cref="DiscordResponse.RetryAt"/> says when the window has room again.
    /// </summary>
    Refused,

    /// <summary>
    /// Sent, or perhaps sent, but no answer arrived: connection failure or <see cref="DiscordOptions.RequestTimeout"/>.
    /// A Create Message may have been posted; send it again with the same nonce.
    /// </summary>
    TransportFailure,
}
