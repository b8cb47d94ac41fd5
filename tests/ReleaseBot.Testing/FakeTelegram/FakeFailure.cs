using System.Text.Json.Nodes;

namespace ReleaseBot.Testing.FakeTelegram;

/// <summary>A scripted answer to the next sendMessage calls (to one chat or any).</summary>
public sealed record FakeFailure(int Status, string Description, JsonObject? Parameters = null, bool HtmlBody = false)
{
    public static FakeFailure TooManyRequests(int retryAfterSeconds) => new(
        429, $"Too Many Requests: retry after {retryAfterSeconds}", new JsonObject { ["retry_after"] = retryAfterSeconds });

    public static FakeFailure ServerError() => new(500, "Internal Server Error");

    /// <summary>A proxy's HTML error page instead of the API's JSON.</summary>
    public static FakeFailure BadGatewayPage() => new(502, "<html><body>502 Bad Gateway</body></html>", HtmlBody: true);
}
