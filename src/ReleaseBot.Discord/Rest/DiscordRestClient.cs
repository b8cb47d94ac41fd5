using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Health;

namespace ReleaseBot.Discord.Rest;

/// <summary>
/// Discord's REST API (typed <see cref="HttpClient"/>): <c>Authorization: Bot …</c> on bot routes, the required
/// <c>DiscordBot (url, version)</c> User-Agent, JSON bodies (<see cref="DiscordJson"/>), every request through the
/// <see cref="DiscordInvalidRequestGuard"/> and the <see cref="DiscordRateLimiter"/>, 429s waited out and sent again.
/// </summary>
/// <remarks>
/// Never throws for an answer from Discord nor for a network failure: both come back as a <see cref="DiscordResponse"/>
/// (<see cref="DiscordOutcome.TransportFailure"/> for the latter). Only the caller's cancellation throws.
/// </remarks>
public sealed partial class DiscordRestClient(
    HttpClient httpClient,
    IOptions<DiscordOptions> options,
    DiscordRateLimiter limiter,
    DiscordInvalidRequestGuard guard,
    TimeProvider timeProvider,
    ILogger<DiscordRestClient> logger)
{
    private static readonly string Version = typeof(DiscordRestClient).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    private int _unauthorizedLogged;

    /// <summary>Sends <paramref name="jsonBody"/> (or nothing) to the route, waiting for rate limits up to <see cref="DiscordOptions.RateLimitMaxWait"/>.</summary>
    public Task<DiscordResponse> SendAsync(DiscordRoute route, object? jsonBody, CancellationToken cancellationToken) =>
        SendAsync(route, jsonBody, options.Value.RateLimitMaxWait, cancellationToken);

    /// <summary>
    /// Sends <paramref name="jsonBody"/> (or nothing) to the route. A rate limit that frees up within <paramref name="maxWait"/>
    /// is waited out; a longer one returns at once as <see cref="DiscordOutcome.RateLimited"/> with the instant it frees up,
    /// so a caller that would rather hold its work than block passes <see cref="TimeSpan.Zero"/>.
    /// </summary>
    public Task<DiscordResponse> SendAsync(DiscordRoute route, object? jsonBody, TimeSpan maxWait, CancellationToken cancellationToken) =>
        SendAsync(route, jsonBody, maxWait, maxWait, cancellationToken);

    /// <summary>
    /// As <see cref="SendAsync(DiscordRoute, object?, TimeSpan, CancellationToken)"/>, with <paramref name="maxWait"/>
    /// bounding the wait for the route's own bucket (and its 429s) and <paramref name="maxGlobalWait"/> the wait for the
    /// global limit, which every route waits for alike: a sender can answer at once for a busy channel and still queue
    /// behind the bot's global pacing.
    /// </summary>
    public async Task<DiscordResponse> SendAsync(
        DiscordRoute route, object? jsonBody, TimeSpan maxWait, TimeSpan maxGlobalWait, CancellationToken cancellationToken)
    {
        var body = jsonBody is null ? null : JsonSerializer.SerializeToUtf8Bytes(jsonBody, jsonBody.GetType(), DiscordJson.Options);
        for (var attempt = 0; ; attempt++)
        {
            if (!guard.TryEnter(out var reopensAt))
            {
                return new DiscordResponse { Outcome = DiscordOutcome.Refused, RetryAt = reopensAt };
            }

            if (await limiter.AcquireAsync(route, maxWait, maxGlobalWait, cancellationToken) is { } freeAt)
            {
                Log.NotSent(logger, route.Template, freeAt);
                return new DiscordResponse { Outcome = DiscordOutcome.RateLimited, RetryAt = freeAt };
            }

            DiscordResponse response;
            try
            {
                response = await ExchangeAsync(route, body, cancellationToken);
            }
            finally
            {
                limiter.Release(route);
            }

            if (response.Status != HttpStatusCode.TooManyRequests || response.RetryAt is not { } retryAt)
            {
                return response;
            }

            var wait = retryAt - timeProvider.GetUtcNow();
            if (attempt >= options.Value.RateLimitRetries || wait > (response.RateLimitScope == "global" ? maxGlobalWait : maxWait))
            {
                return response;
            }
        }
    }

    private async Task<DiscordResponse> ExchangeAsync(DiscordRoute route, byte[]? body, CancellationToken cancellationToken)
    {
        using var request = BuildRequest(route, body);
        using var timeout = new CancellationTokenSource(options.Value.RequestTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var answer = await httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
            limiter.Update(route, answer.Headers);
            var response = await ReadAsync(answer, linked.Token);
            guard.Record(answer.StatusCode, response.RateLimitScope);
            Observe(route, response, answer.Headers);
            return response;
        }
        catch (Exception e) when (e is HttpRequestException or IOException
            || e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Log.TransportFailure(logger, route.Template, e.GetType().Name, e);
            return new DiscordResponse { Outcome = DiscordOutcome.TransportFailure, TransportError = e };
        }
    }

    private HttpRequestMessage BuildRequest(DiscordRoute route, byte[]? body)
    {
        var o = options.Value;
        var request = new HttpRequestMessage(route.Method, new Uri(o.ApiBaseUrl.TrimEnd('/') + route.Path, UriKind.Absolute));
        request.Headers.UserAgent.ParseAdd($"DiscordBot ({o.UserAgentUrl}, {Version})");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (route.IsBotAuthenticated)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bot " + o.Token);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return request;
    }

    private async Task<DiscordResponse> ReadAsync(HttpResponseMessage answer, CancellationToken cancellationToken)
    {
        var bytes = await answer.Content.ReadAsByteArrayAsync(cancellationToken);
        var json = Parse(bytes);
        var obj = json.ValueKind == JsonValueKind.Object ? json : default;
        var scope = Header(answer.Headers, "X-RateLimit-Scope");
        DateTimeOffset? retryAt = null;
        if (answer.StatusCode == HttpStatusCode.TooManyRequests)
        {
            retryAt = timeProvider.GetUtcNow() + RetryAfter(answer.Headers, obj);
            scope ??= IsGlobal(answer.Headers, obj) ? "global" : null;
        }

        return new DiscordResponse
        {
            Outcome = DiscordOutcome.Answered,
            Status = answer.StatusCode,
            Body = json,
            ErrorCode = answer.IsSuccessStatusCode ? null : Int(obj, "code"),
            ErrorMessage = answer.IsSuccessStatusCode ? null : Text(obj, "message"),
            RetryAt = retryAt,
            RateLimitScope = scope,
        };
    }

    private void Observe(DiscordRoute route, DiscordResponse response, HttpResponseHeaders headers)
    {
        if (response.Status == HttpStatusCode.TooManyRequests && response.RetryAt is { } retryAt)
        {
            var global = response.RateLimitScope == "global" || IsGlobal(headers, response.Body);
            var wait = retryAt - timeProvider.GetUtcNow();
            limiter.OnTooManyRequests(route, global, wait);
            ReleaseBotMetrics.RateLimited.Add(1, ReleaseBotMetrics.PlatformTag(Platform.Discord));
            Log.TooManyRequests(logger, route.Template, response.RateLimitScope ?? "route", wait.TotalSeconds);
        }
        else if (response.Status == HttpStatusCode.Unauthorized && route.IsBotAuthenticated
            && Interlocked.Exchange(ref _unauthorizedLogged, 1) == 0)
        {
            Log.Unauthorized(logger, route.Template);
        }
        else if (!response.IsSuccess)
        {
            Log.Failed(logger, route.Template, (int?)response.Status, response.ErrorCode, response.ErrorMessage);
        }
    }

    /// <summary>The body's <c>retry_after</c> (fractional seconds) first, as the docs advise, else the whole-second header.</summary>
    private static TimeSpan RetryAfter(HttpResponseHeaders headers, JsonElement body)
    {
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("retry_after", out var ra)
            && ra.ValueKind == JsonValueKind.Number && ra.TryGetDouble(out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (headers.RetryAfter?.Delta is { } delta)
        {
            return delta;
        }

        return double.TryParse(Header(headers, "Retry-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var header) && header >= 0
            ? TimeSpan.FromSeconds(header)
            : TimeSpan.FromSeconds(1);
    }

    private static bool IsGlobal(HttpResponseHeaders headers, JsonElement body) =>
        string.Equals(Header(headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase)
        || body.ValueKind == JsonValueKind.Object && body.TryGetProperty("global", out var g) && g.ValueKind == JsonValueKind.True;

    private static JsonElement Parse(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return default;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static int? Int(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    private static string? Text(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static partial class Log
    {
        [LoggerMessage(5100, LogLevel.Debug, "Discord {Route} answered {Status} (code {Code}: {Message})")]
        public static partial void Failed(ILogger logger, string route, int? status, int? code, string? message);

        [LoggerMessage(5101, LogLevel.Warning, "Discord {Route}: 429 ({Scope}), waiting {RetryAfterSeconds:F2} s")]
        public static partial void TooManyRequests(ILogger logger, string route, string scope, double retryAfterSeconds);

        [LoggerMessage(5102, LogLevel.Warning, "Discord {Route}: no answer ({Error})")]
        public static partial void TransportFailure(ILogger logger, string route, string error, Exception exception);

        [LoggerMessage(5103, LogLevel.Error, "Discord rejected the bot token (401 on {Route}): check ReleaseBot:Discord:Token")]
        public static partial void Unauthorized(ILogger logger, string route);

        [LoggerMessage(5104, LogLevel.Debug, "Discord {Route} not sent: rate limited until {FreeAt:O}")]
        public static partial void NotSent(ILogger logger, string route, DateTimeOffset freeAt);
    }
}
