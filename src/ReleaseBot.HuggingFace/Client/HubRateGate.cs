using Microsoft.Extensions.Options;

namespace ReleaseBot.HuggingFace.Client;

/// <summary>
/// Keeps the bot's Hub API use under <see cref="HuggingFaceOptions.QuotaShare"/> of the 5-minute fixed window.
/// It learns the quota, remaining requests and reset time from every response's <c>RateLimit</c> headers and,
/// where the Hub sends none, counts its own requests. After a 429 every request waits until the given time.
/// </summary>
public sealed class HubRateGate(IOptions<HuggingFaceOptions> options, TimeProvider time)
{
    private static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(5);
    private readonly Lock _lock = new();
    private int _quota;
    private int _usedInWindow;
    private DateTimeOffset _windowEndsAt = DateTimeOffset.MinValue;
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;

    /// <summary>Requests sent since the gate was created (for the bench).</summary>
    public long RequestsSent { get; private set; }

    /// <summary>Waits until a request fits in the budget, then counts it.</summary>
    public async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = ReserveOrWait();
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>Takes what the Hub said about the window.</summary>
    public void Observe(RateLimitInfo? info)
    {
        if (info is null)
        {
            return;
        }

        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (info.Quota is { } q)
            {
                _quota = q;
            }

            if (info.Remaining is { } r)
            {
                _usedInWindow = Math.Max(0, QuotaLocked() - r);
            }

            if (info.ResetSeconds is { } t)
            {
                _windowEndsAt = now + TimeSpan.FromSeconds(t);
            }
        }
    }

    /// <summary>After a 429: nobody sends before <paramref name="until"/>.</summary>
    public void BlockUntil(DateTimeOffset until)
    {
        lock (_lock)
        {
            if (until > _blockedUntil)
            {
                _blockedUntil = until;
            }
        }
    }

    private TimeSpan ReserveOrWait()
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (_blockedUntil > now)
            {
                return _blockedUntil - now;
            }

            if (now >= _windowEndsAt)
            {
                _usedInWindow = 0;
                _windowEndsAt = now + DefaultWindow;
            }

            var allowed = Math.Max(1, (int)Math.Floor(QuotaLocked() * options.Value.QuotaShare));
            if (_usedInWindow >= allowed)
            {
                return _windowEndsAt - now;
            }

            _usedInWindow++;
            RequestsSent++;
            return TimeSpan.Zero;
        }
    }

    private int QuotaLocked() => _quota > 0 ? _quota : options.Value.EffectiveQuota;
}
