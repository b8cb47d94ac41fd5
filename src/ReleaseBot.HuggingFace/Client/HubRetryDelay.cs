using System.Net;

namespace ReleaseBot.HuggingFace.Client;

/// <summary>
/// How long to wait before retrying, as huggingface_hub does (utils/_http.py <c>_http_backoff_base</c>):
/// a 429 with <c>r=0</c> waits <c>t+1</c> s; else <c>Retry-After</c>; else exponential, capped.
/// </summary>
public static class HubRetryDelay
{
    public static bool IsRetryable(HttpStatusCode status) => status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
        or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    public static TimeSpan For(HttpResponseMessage? response, int attempt, HuggingFaceOptions options)
    {
        if (response is not null)
        {
            var info = RateLimitInfo.From(response.Headers);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && info is { Remaining: 0, ResetSeconds: { } t })
            {
                return TimeSpan.FromSeconds(t + 1);
            }

            if (response.Headers.RetryAfter?.Delta is { } delta)
            {
                return delta;
            }
        }

        var exponential = options.RetryBaseDelay * Math.Pow(2, Math.Min(attempt, 16));
        return exponential < options.MaxRetryDelay ? exponential : options.MaxRetryDelay;
    }
}
