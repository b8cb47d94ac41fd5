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
        using var ticked = new SemaphoreSlim(0);
        using var stop = new CancellationTokenSource();

        var loop = PeriodicLoop.RunAsync(TimeSpan.FromMinutes(5), time, _ =>
        {
            ticks++;
            ticked.Release();
            return ticks switch
            {
                1 => throw new TaskCanceledException("an HTTP timeout, not a stop"),
                2 => throw new InvalidOperationException("the Hub answered nonsense"),
                _ => Complete(thirdTick),
            };
        }, failures.Add, stop.Token);
        // The first tick runs at once; then one period at a time, each advance after the tick before it
        // (a timer remembers one tick, not two).
        Assert.True(await ticked.WaitAsync(TimeSpan.FromSeconds(10)));
        for (var i = 0; i < 2; i++)
        {
            time.Advance(TimeSpan.FromMinutes(5));
            Assert.True(await ticked.WaitAsync(TimeSpan.FromSeconds(10)));
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
