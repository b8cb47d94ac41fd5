using ReleaseBot.Testing.FakeTelegram;

namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>
/// Per-bucket and global limits as rolling windows (never a refilled bucket: the fake must be at least as strict as
/// Discord). A bucket reports Remaining = limit − sends in the window and Reset = when its newest send leaves it.
/// </summary>
internal sealed class FakeDiscordRateLimiter(FakeDiscordOptions options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Hash, string Major), FakeSlidingWindow> _buckets = [];
    private readonly FakeSlidingWindow _global = new(options.Global);

    /// <summary>Takes a slot and returns the headers to send, or returns the 429 to answer (scope user or global).</summary>
    public FakeDiscordLimit Take(FakeDiscordRoute route, DateTimeOffset now)
    {
        lock (_gate)
        {
            var bucket = Bucket(route);
            if (options.EnforceLimits && route.CountsGlobally && _global.WaitAt(now) is { } globalWait && globalWait > TimeSpan.Zero)
            {
                return new FakeDiscordLimit(route, 0, now, globalWait, "global");
            }

            var wait = options.EnforceLimits ? bucket.WaitAt(now) : TimeSpan.Zero;
            if (wait > TimeSpan.Zero)
            {
                var (_, emptyAt) = bucket.UsageAt(now);
                return new FakeDiscordLimit(route, 0, emptyAt, wait, "user");
            }

            bucket.Add(now);
            if (route.CountsGlobally)
            {
                _global.Add(now);
            }

            var (used, resetAt) = bucket.UsageAt(now);
            return new FakeDiscordLimit(route, Math.Max(0, route.Rule.Count - used), resetAt, TimeSpan.Zero, null);
        }
    }

    /// <summary>The current headers of a bucket without taking a slot (for scripted answers).</summary>
    public FakeDiscordLimit Peek(FakeDiscordRoute route, DateTimeOffset now)
    {
        lock (_gate)
        {
            var (used, resetAt) = Bucket(route).UsageAt(now);
            return new FakeDiscordLimit(route, Math.Max(0, route.Rule.Count - used), resetAt, TimeSpan.Zero, null);
        }
    }

    private FakeSlidingWindow Bucket(FakeDiscordRoute route)
    {
        var key = (route.BucketHash, route.MajorId);
        if (!_buckets.TryGetValue(key, out var window))
        {
            _buckets[key] = window = new FakeSlidingWindow(route.Rule);
        }

        return window;
    }
}
