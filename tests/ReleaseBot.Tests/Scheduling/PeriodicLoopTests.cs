using Microsoft.Extensions.Time.Testing;
using ReleaseBot.Core.Scheduling;

namespace ReleaseBot.Tests.Scheduling;

public sealed class PeriodicLoopTests
{
    [Fact]
    public async Task RunAsync_TickTimesOutThenThrows_LoopGoesOnAndReportsBoth()
    {
        var time = new FakeTimeProvider();
        var ticks = 0;
        var failures = new List<Exception>();
        var thirdTick = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();

        var loop = PeriodicLoop.RunAsync(TimeSpan.FromMinutes(5), time, _ =>
        {
            ticks++;
            return ticks switch
            {
                1 => throw new TaskCanceledException("an HTTP timeout, not a stop"),
                2 => throw new InvalidOperationException("the Hub answered nonsense"),
                _ => Complete(thirdTick),
            };
        }, failures.Add, stop.Token);
        // One period at a time, letting the loop reach its next wait (a timer remembers one tick, not two).
        for (var i = 0; i < 1000 && !thirdTick.Task.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromMinutes(5));
            await Task.WhenAny(thirdTick.Task, Task.Delay(10));
        }

        await thirdTick.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        await loop.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(ticks >= 3);
        Assert.Collection(failures, e => Assert.IsType<TaskCanceledException>(e), e => Assert.IsType<InvalidOperationException>(e));
    }

    private static Task Complete(TaskCompletionSource source)
    {
        source.TrySetResult();
        return Task.CompletedTask;
    }
}
