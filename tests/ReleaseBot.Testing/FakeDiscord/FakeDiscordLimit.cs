using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>A bucket's state after a request; <see cref="Scope"/> is set when the request is refused with 429.</summary>
internal sealed record FakeDiscordLimit(FakeDiscordRoute Route, int Remaining, DateTimeOffset ResetAt, TimeSpan RetryAfter, string? Scope)
{
    public void WriteHeaders(HttpResponse response, DateTimeOffset now)
    {
        if (Scope == "global")
        {
            response.Headers["X-RateLimit-Global"] = "true";
            response.Headers["X-RateLimit-Scope"] = "global";
            WriteRetryAfter(response);
            return;
        }

        var resetAfter = Math.Max(0, (ResetAt - now).TotalSeconds);
        response.Headers["X-RateLimit-Limit"] = Route.Rule.Count.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Remaining"] = Remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Reset"] = (ResetAt.ToUnixTimeMilliseconds() / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Reset-After"] = resetAfter.ToString("0.000", CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Bucket"] = Route.BucketHash;
        if (Scope is not null)
        {
            response.Headers["X-RateLimit-Scope"] = Scope;
            WriteRetryAfter(response);
        }
    }

    /// <summary>Seconds, rounded up to three decimals so waiting exactly that long is always enough.</summary>
    public double RetryAfterSeconds => Math.Ceiling(RetryAfter.TotalMilliseconds) / 1000.0;

    private void WriteRetryAfter(HttpResponse response) =>
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
