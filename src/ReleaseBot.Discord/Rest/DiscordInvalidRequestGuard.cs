using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReleaseBot.Discord.Rest;

/// <summary>
/// Keeps the process far from Discord's invalid-request limit: 10,000 answers of 401, 403 or 429 (shared-scope 429s
/// excepted) per 10 minutes restrict the IP (https://docs.discord.com/developers/topics/rate-limits#invalid-request-limit-aka-cloudflare-bans).
/// Counts them in a sliding <see cref="DiscordOptions.InvalidRequestWindow"/>; at <see cref="DiscordOptions.InvalidRequestLimit"/>
/// (2,500 by default) it refuses every request until the oldest counted answer leaves the window, and logs that once per trip.
/// </summary>
public sealed partial class DiscordInvalidRequestGuard(IOptions<DiscordOptions> options, TimeProvider timeProvider, ILogger<DiscordInvalidRequestGuard> logger)
{
    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _invalid = new();
    private bool _tripped;

    /// <summary>Invalid answers within the window now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                Expire(timeProvider.GetUtcNow());
                return _invalid.Count;
            }
        }
    }

    /// <summary>Whether a request may be sent; when not, <paramref name="retryAt"/> is when the window has room again.</summary>
    public bool TryEnter(out DateTimeOffset retryAt)
    {
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            Expire(now);
            if (_invalid.Count < options.Value.InvalidRequestLimit)
            {
                if (_tripped)
                {
                    _tripped = false;
                    Log.Cleared(logger);
                }

                retryAt = now;
                return true;
            }

            retryAt = _invalid.Peek() + options.Value.InvalidRequestWindow;
            if (!_tripped)
            {
                _tripped = true;
                Log.Tripped(logger, _invalid.Count, options.Value.InvalidRequestWindow.TotalMinutes, retryAt);
            }

            return false;
        }
    }

    /// <summary>Counts an answer if it is one Discord counts as invalid.</summary>
    public void Record(HttpStatusCode status, string? rateLimitScope)
    {
        var invalid = status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            || status == HttpStatusCode.TooManyRequests && !string.Equals(rateLimitScope, "shared", StringComparison.OrdinalIgnoreCase);
        if (!invalid)
        {
            return;
        }

        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            Expire(now);
            _invalid.Enqueue(now);
        }
    }

    private void Expire(DateTimeOffset now)
    {
        while (_invalid.Count > 0 && _invalid.Peek() <= now - options.Value.InvalidRequestWindow)
        {
            _invalid.Dequeue();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(5120, LogLevel.Error, "Discord REST paused: {Count} answers of 401/403/429 within {WindowMinutes} minutes reached the invalid-request guard; requests are refused until {RetryAt:O}")]
        public static partial void Tripped(ILogger logger, int count, double windowMinutes, DateTimeOffset retryAt);

        [LoggerMessage(5121, LogLevel.Information, "Discord REST resumed: the invalid-request window has room again")]
        public static partial void Cleared(ILogger logger);
    }
}
