namespace ReleaseBot.Discord.Gateway;

/// <summary>
/// What survives a connection: the session READY opened and the last sequence number seen, for heartbeats and Resume.
/// The receive loop writes the sequence while the heartbeat task reads it, hence the interlocked field.
/// </summary>
internal sealed class GatewaySession
{
    private long _sequence = -1;

    public GatewayReadyInfo? Ready { get; private set; }

    /// <summary>Latest non-null <c>s</c>, or null before the first dispatch.</summary>
    public long? Sequence
    {
        get
        {
            var s = Interlocked.Read(ref _sequence);
            return s < 0 ? null : s;
        }
    }

    public bool CanResume => Ready is not null && Sequence is not null;

    public void Observe(long sequence)
    {
        long current;
        do
        {
            current = Interlocked.Read(ref _sequence);
            if (sequence <= current)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _sequence, sequence, current) != current);
    }

    public void Open(GatewayReadyInfo ready) => Ready = ready;

    /// <summary>The session cannot be resumed: the next connection identifies and starts counting afresh.</summary>
    public void Reset()
    {
        Ready = null;
        Interlocked.Exchange(ref _sequence, -1);
    }
}
