namespace ReleaseBot.Discord.Rest;

/// <summary>
/// One rate-limit bucket for one major parameter, as last reported by Discord and counted down locally between answers.
/// Not thread-safe: <see cref="DiscordRateLimiter"/> holds its lock around every call.
/// </summary>
internal sealed class DiscordBucket(DateTimeOffset created)
{
    private int? _remaining;
    private int? _limit;
    private TimeSpan _window;
    private bool _estimated;
    private DateTimeOffset _resetAt = created;
    private DateTimeOffset _blockedUntil = created;

    /// <summary>The earliest instant a request may leave (now when it may leave at once).</summary>
    public DateTimeOffset FreeAt(DateTimeOffset now)
    {
        if (now >= _resetAt && _remaining is not null && now >= _blockedUntil)
        {
            // The window has passed: a fresh one starts now with the limit and, until an answer says otherwise, the
            // length of the last one, so a burst sent before any answer returns still stops at the limit.
            _remaining = _limit;
            _resetAt = now + _window;
            _estimated = true;
        }

        var free = _remaining == 0 && now < _resetAt ? _resetAt : now;
        return _blockedUntil > free ? _blockedUntil : free;
    }

    /// <summary>A request leaves: one fewer remains until the next answer corrects the count.</summary>
    public void Take()
    {
        if (_remaining > 0)
        {
            _remaining--;
        }
    }

    /// <summary>
    /// An answer's headers. The first answer of a window sets its end (and the length later estimates use); answers
    /// arriving out of order within it, or overtaken by local <see cref="Take"/>s, can only lower the count.
    /// </summary>
    public void Observe(int remaining, int? limit, DateTimeOffset resetAt, DateTimeOffset now)
    {
        _limit = limit ?? _limit;
        if (_remaining is null || now >= _resetAt || _estimated)
        {
            _remaining = _estimated && _remaining is { } local ? Math.Min(local, remaining) : remaining;
            _resetAt = resetAt;
            _window = resetAt - now;
            _estimated = false;
            return;
        }

        _remaining = Math.Min(_remaining.Value, remaining);
        if (resetAt > _resetAt)
        {
            _resetAt = resetAt;
        }
    }

    /// <summary>A 429 for this bucket: nothing leaves before <paramref name="until"/>.</summary>
    public void Block(DateTimeOffset until)
    {
        _remaining = 0;
        _estimated = false;
        if (until > _resetAt)
        {
            _resetAt = until;
        }

        if (until > _blockedUntil)
        {
            _blockedUntil = until;
        }
    }

    /// <summary>Nothing is waited for any more; the entry can be dropped and relearned.</summary>
    public bool IsIdle(DateTimeOffset now) => now >= _resetAt && now >= _blockedUntil;
}
