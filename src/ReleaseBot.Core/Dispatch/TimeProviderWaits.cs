namespace ReleaseBot.Core.Dispatch;

/// <summary>Waiting for a <see cref="Ports.SendOutcome.WaitUntil"/> instant.</summary>
public static class TimeProviderWaits
{
    /// <summary>
    /// Waits until <paramref name="until"/> on <paramref name="time"/>'s clock. The wait is rounded up to a whole
    /// millisecond: system timers drop the fraction, so a wait that ended a fraction early would find the limit still
    /// closed, and a loop that asks again would spend its tries on waits of zero.
    /// </summary>
    public static Task DelayUntilAsync(this TimeProvider time, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var wait = until - time.GetUtcNow();
        return wait > TimeSpan.Zero
            ? Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), time, cancellationToken)
            : Task.CompletedTask;
    }
}
