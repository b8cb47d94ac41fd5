namespace ReleaseBot.Core.Dispatch;

/// <summary>Settings of the dispatch loops (section <c>ReleaseBot:Dispatch</c>).</summary>
public sealed class DispatchOptions
{
    public const string SectionName = "ReleaseBot:Dispatch";

    /// <summary>How often a loop looks for due work when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Sends that end in a transient error before the delivery is given up (Failed), once it is also older than
    /// <see cref="GiveUpAfter"/>.
    /// </summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>
    /// The least age of a delivery before transient errors can fail it. A platform down for an hour answers every
    /// attempt with a transient error, and eight attempts with doubling backoff are spent in about ten minutes: without
    /// this a long outage would turn every waiting message into a lost one. Within it the row keeps retrying at
    /// <see cref="MaxBackoff"/>.
    /// </summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Wait after the first transient error; doubled after each further one.</summary>
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Upper bound of the backoff.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sends in flight at once per platform (different chats; one chat is always sequential).</summary>
    public int MaxConcurrency { get; set; } = 32;

    /// <summary>Due deliveries read from the outbox per pass.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>The backoff after <paramref name="failures"/> transient errors: Base·2^(failures−1), capped.</summary>
    public TimeSpan BackoffAfter(int failures)
    {
        var factor = Math.Pow(2, Math.Clamp(failures - 1, 0, 30));
        var wait = BaseBackoff * factor;
        return wait > MaxBackoff ? MaxBackoff : wait;
    }
}
