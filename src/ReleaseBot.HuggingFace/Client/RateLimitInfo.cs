using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace ReleaseBot.HuggingFace.Client;

/// <summary>
/// The Hub's IETF-draft rate-limit headers: <c>RateLimit: "api";r=487;t=212</c> and
/// <c>RateLimit-Policy: "fixed window";"api";q=500;w=300</c> (https://huggingface.co/docs/hub/rate-limits).
/// </summary>
public sealed partial record RateLimitInfo(int? Remaining, int? ResetSeconds, int? Quota, int? WindowSeconds)
{
    public static RateLimitInfo? From(HttpResponseHeaders headers)
    {
        var limit = headers.TryGetValues("RateLimit", out var l) ? string.Join(';', l) : null;
        var policy = headers.TryGetValues("RateLimit-Policy", out var p) ? string.Join(';', p) : null;
        if (limit is null && policy is null)
        {
            return null;
        }

        return new RateLimitInfo(Int(R(), limit), Int(T(), limit), Int(Q(), policy), Int(W(), policy));
    }

    private static int? Int(Regex regex, string? value) =>
        value is not null && regex.Match(value) is { Success: true } m &&
        int.TryParse(m.Groups[1].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    [GeneratedRegex(@"\br=(\d+)")]
    private static partial Regex R();

    [GeneratedRegex(@"\bt=(\d+)")]
    private static partial Regex T();

    [GeneratedRegex(@"\bq=(\d+)")]
    private static partial Regex Q();

    [GeneratedRegex(@"\bw=(\d+)")]
    private static partial Regex W();
}
