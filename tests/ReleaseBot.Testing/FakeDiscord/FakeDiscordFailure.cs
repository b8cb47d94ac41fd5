using System.Text.Json.Nodes;

namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>A scripted answer to the next request on a channel route (see <see cref="FakeDiscordState.FailNext"/>).</summary>
public sealed record FakeDiscordFailure(int Status, JsonObject? Body, string? HtmlBody = null)
{
    /// <summary>For 429s: <c>user</c>, <c>shared</c> or <c>global</c>.</summary>
    public string? Scope { get; init; }
    public double RetryAfterSeconds { get; init; }

    /// <summary>The request is carried out (a message is posted) and then the connection drops before any answer.</summary>
    public bool LosesAnswer { get; init; }

    /// <summary>The message is posted but the answer never arrives: what a timeout or a crash after the send looks like.</summary>
    public static FakeDiscordFailure LostAnswer() => new(200, null) { LosesAnswer = true };

    public static FakeDiscordFailure Error(int status, int code, string message) =>
        new(status, new JsonObject { ["message"] = message, ["code"] = code });

    public static FakeDiscordFailure UnknownChannel() => Error(404, 10003, "Unknown Channel");
    public static FakeDiscordFailure UnknownGuild() => Error(404, 10004, "Unknown Guild");
    public static FakeDiscordFailure MissingAccess() => Error(403, 50001, "Missing Access");
    public static FakeDiscordFailure MissingPermissions() => Error(403, 50013, "Missing Permissions");
    public static FakeDiscordFailure ServerError() => Error(500, 0, "500: Internal Server Error");

    /// <summary>A proxy's HTML page instead of the API's JSON.</summary>
    public static FakeDiscordFailure BadGateway() => new(502, null, "<html><head><title>502 Bad Gateway</title></head><body>502 Bad Gateway</body></html>");

    /// <summary>A 429 on a shared resource (does not count as an invalid request; body code 20028 as for a channel write limit).</summary>
    public static FakeDiscordFailure SharedRateLimit(double retryAfterSeconds) =>
        new(429, new JsonObject { ["message"] = "The resource is being rate limited.", ["retry_after"] = retryAfterSeconds, ["global"] = false, ["code"] = 20028 })
        {
            Scope = "shared",
            RetryAfterSeconds = retryAfterSeconds,
        };
}
