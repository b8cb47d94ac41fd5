using Microsoft.Extensions.Time.Testing;

namespace ReleaseBot.Testing.Fakes;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that lets a test await the moment code under test starts a wait (creates a timer),
/// so it can advance the clock past that wait, or assert that something is held back, without sleeping.
/// </summary>
public sealed class WatchedTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _dueTimes = [];
    private TaskCompletionSource _created = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        TaskCompletionSource created;
        lock (_gate)
        {
            _dueTimes.Add(dueTime);
            created = _created;
            _created = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        created.TrySetResult();
        return timer;
    }

    /// <summary>Waits until a timer whose due time satisfies <paramref name="dueTime"/> has been created; returns that due time.</summary>
    public async Task<TimeSpan> WaitForTimerAsync(Func<TimeSpan, bool> dueTime, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            Task created;
            lock (_gate)
            {
                var index = _dueTimes.FindIndex(d => dueTime(d));
                if (index >= 0)
                {
                    return _dueTimes[index];
                }

                created = _created.Task;
            }

            try
            {
                await created.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching timer within {timeout}.");
            }
        }
    }
}
