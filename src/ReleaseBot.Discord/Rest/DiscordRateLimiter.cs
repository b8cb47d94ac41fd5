using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReleaseBot.Discord.Rest;

/// <summary>
/// Discord's REST limits as the headers describe them (https://docs.discord.com/developers/topics/rate-limits): a bucket per
/// <c>X-RateLimit-Bucket</c> hash and major parameter (before the first answer names the hash, per method + template +
/// major parameter), waited out when <c>Remaining</c> is 0 until <c>Reset-After</c>; a pause after a 429 for its
/// <c>retry_after</c> (the whole client for a global one); and a rolling one-second window of
/// <see cref="DiscordOptions.GlobalRequestsPerSecond"/> over bot-authenticated routes.
/// </summary>
/// <remarks>
/// Discord counts a request in its global window when the request reaches it, which is some time after it leaves
/// here. A window of departure times therefore lets a request that was slow on its way (connection set-up, a busy
/// machine) and the requests sent a second after it land in the same second at Discord's end, and draw 429s. So the
/// window holds requests in flight and requests answered within the last second (<see cref="Release"/>): every
/// request Discord counted in its last second is one of those, and the count stays exact whatever the latency.
/// </remarks>
public sealed partial class DiscordRateLimiter(IOptions<DiscordOptions> options, TimeProvider timeProvider, ILogger<DiscordRateLimiter> logger)
{
    private static readonly TimeSpan GlobalWindow = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan InFlightRecheck = TimeSpan.FromMilliseconds(10);
    private const int PruneAbove = 10_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _hashes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DiscordBucket> _buckets = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _globalInFlight = new();
    private readonly Queue<DateTimeOffset> _globalAnswered = new();
    private DateTimeOffset _globalPausedUntil;

    /// <summary>
    /// Waits until the route may be sent and takes its slot (returns <c>null</c>), or returns at once with the instant it
    /// frees up when waiting would take longer than <paramref name="maxWait"/>; then no slot is taken.
    /// </summary>
    public ValueTask<DateTimeOffset?> AcquireAsync(DiscordRoute route, TimeSpan maxWait, CancellationToken cancellationToken) =>
        AcquireAsync(route, maxWait, maxWait, cancellationToken);

    /// <summary>
    /// As <see cref="AcquireAsync(DiscordRoute, TimeSpan, CancellationToken)"/>, with the wait for the route's own bucket
    /// bounded by <paramref name="maxWait"/> and the wait for the global window or a global pause, which every route
    /// waits for alike, by <paramref name="maxGlobalWait"/>.
    /// </summary>
    public async ValueTask<DateTimeOffset?> AcquireAsync(
        DiscordRoute route, TimeSpan maxWait, TimeSpan maxGlobalWait, CancellationToken cancellationToken)
    {
        var start = timeProvider.GetUtcNow();
        var deadline = start + maxWait;
        var globalDeadline = start + maxGlobalWait;
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = timeProvider.GetUtcNow();
                var bucket = BucketOf(route, now);
                var bucketFreeAt = bucket.FreeAt(now);
                var globalFreeAt = route.IsGloballyLimited ? GlobalFreeAt(now) : now;
                var freeAt = Max(bucketFreeAt, globalFreeAt);
                if (freeAt <= now)
                {
                    bucket.Take();
                    if (route.IsGloballyLimited)
                    {
                        _globalInFlight.Enqueue(now);
                    }

                    return null;
                }

                if (bucketFreeAt > deadline || globalFreeAt > globalDeadline)
                {
                    return freeAt;
                }

                wait = freeAt - now;
            }

            Log.Waiting(logger, route.Template, wait.TotalMilliseconds);
            await Task.Delay(wait, timeProvider, cancellationToken);
        }
    }

    /// <summary>
    /// A request that took its slot in <see cref="AcquireAsync(DiscordRoute, TimeSpan, CancellationToken)"/> has been
    /// answered (or given up): from now on it counts in the global window for one more second, then leaves it.
    /// </summary>
    public void Release(DiscordRoute route)
    {
        if (!route.IsGloballyLimited)
        {
            return;
        }

        lock (_gate)
        {
            // Slots are alike for counting, so the oldest one in flight ends.
            if (_globalInFlight.TryDequeue(out _))
            {
                _globalAnswered.Enqueue(timeProvider.GetUtcNow());
            }
        }
    }

    /// <summary>Reads the <c>X-RateLimit-*</c> headers of an answer to <paramref name="route"/>.</summary>
    public void Update(DiscordRoute route, HttpResponseHeaders headers)
    {
        var hash = Header(headers, "X-RateLimit-Bucket");
        var remaining = Number(Header(headers, "X-RateLimit-Remaining"));
        var resetAfter = Number(Header(headers, "X-RateLimit-Reset-After"));
        var limit = Number(Header(headers, "X-RateLimit-Limit"));
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            if (hash is not null)
            {
                MapHash(route, hash);
            }

            if (remaining is { } r && resetAfter is { } ra)
            {
                BucketOf(route, now).Observe((int)r, limit is { } l ? (int)l : null, now + TimeSpan.FromSeconds(ra), now);
            }

            if (_buckets.Count > PruneAbove)
            {
                Prune(now);
            }
        }
    }

    /// <summary>A 429: holds the route's bucket, or everything if <paramref name="global"/>, for <paramref name="retryAfter"/>.</summary>
    public void OnTooManyRequests(DiscordRoute route, bool global, TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            if (global)
            {
                _globalPausedUntil = Max(_globalPausedUntil, now + retryAfter);
            }
            else
            {
                BucketOf(route, now).Block(now + retryAfter);
            }
        }
    }

    private DateTimeOffset GlobalFreeAt(DateTimeOffset now)
    {
        while (_globalAnswered.Count > 0 && _globalAnswered.Peek() <= now - GlobalWindow)
        {
            _globalAnswered.Dequeue();
        }

        var windowFree = now;
        if (_globalInFlight.Count + _globalAnswered.Count >= options.Value.GlobalRequestsPerSecond)
        {
            // The earliest a slot can free up: the oldest answer leaves the window, or the oldest request in flight a
            // second after it left (it cannot leave earlier); a request still in flight then is looked at again shortly.
            var answeredLeaves = _globalAnswered.Count > 0 ? _globalAnswered.Peek() + GlobalWindow : DateTimeOffset.MaxValue;
            var inFlightLeaves = _globalInFlight.Count > 0 ? Max(_globalInFlight.Peek() + GlobalWindow, now + InFlightRecheck) : DateTimeOffset.MaxValue;
            windowFree = answeredLeaves < inFlightLeaves ? answeredLeaves : inFlightLeaves;
        }

        return Max(windowFree, _globalPausedUntil);
    }

    private DiscordBucket BucketOf(DiscordRoute route, DateTimeOffset now)
    {
        var key = KeyOf(route);
        if (!_buckets.TryGetValue(key, out var bucket))
        {
            bucket = new DiscordBucket(now);
            _buckets[key] = bucket;
        }

        return bucket;
    }

    private string KeyOf(DiscordRoute route)
    {
        var routeKey = RouteKey(route);
        return _hashes.TryGetValue(routeKey, out var hash) ? $"{hash}|{route.MajorParameter}" : $"{routeKey}|{route.MajorParameter}";
    }

    private void MapHash(DiscordRoute route, string hash)
    {
        var routeKey = RouteKey(route);
        if (_hashes.TryGetValue(routeKey, out var known) && known == hash)
        {
            return;
        }

        // The state kept under the provisional key moves to the hash key, unless another route of the bucket got there first.
        var provisional = KeyOf(route);
        _hashes[routeKey] = hash;
        if (_buckets.Remove(provisional, out var bucket))
        {
            _buckets.TryAdd(KeyOf(route), bucket);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, bucket) in _buckets.Where(kv => kv.Value.IsIdle(now)).ToList())
        {
            _buckets.Remove(key);
        }
    }

    private static string RouteKey(DiscordRoute route) => $"{route.Method.Method} {route.Template}";

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : null;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static partial class Log
    {
        [LoggerMessage(5110, LogLevel.Debug, "Discord rate limit: {Route} waits {WaitMs:F0} ms before sending")]
        public static partial void Waiting(ILogger logger, string route, double waitMs);
    }
}
