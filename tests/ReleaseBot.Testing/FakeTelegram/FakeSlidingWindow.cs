namespace ReleaseBot.Testing.FakeTelegram;

/// <summary>Accepted send times for one key; a send is allowed while the window holds fewer than the rule's count.</summary>
internal sealed class FakeSlidingWindow(FakeRateRule rule)
{
    private readonly Queue<DateTimeOffset> _times = new();
    private DateTimeOffset _newest;

    /// <summary>Zero when a send may go now, else how long until the oldest send leaves the window.</summary>
    public TimeSpan WaitAt(DateTimeOffset now)
    {
        while (_times.Count > 0 && _times.Peek() + rule.Window <= now)
        {
            _times.Dequeue();
        }

        return _times.Count < rule.Count ? TimeSpan.Zero : _times.Peek() + rule.Window - now;
    }

    public void Add(DateTimeOffset now)
    {
        _times.Enqueue(now);
        _newest = now;
    }

    /// <summary>Sends still in the window, and when it is empty again (the newest send leaves it): Discord's "reset".</summary>
    public (int Used, DateTimeOffset EmptyAt) UsageAt(DateTimeOffset now)
    {
        WaitAt(now);
        return (_times.Count, _times.Count == 0 ? now : _newest + rule.Window);
    }
}
