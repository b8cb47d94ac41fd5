using ReleaseBot.Core.Scheduling;

namespace ReleaseBot.Tests.Scheduling;

public sealed class KeyedSerialExecutorTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task RunAsync_SlowWorkForOneKey_OtherKeysRunMeanwhileAndTheKeyKeepsItsOrder()
    {
        var executor = new KeyedSerialExecutor<string>(maxConcurrency: 4);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var order = new List<string>();

        var slow = executor.RunAsync("group", async _ => { await release.Task; Record(order, "group 1"); }, CancellationToken.None);
        var second = executor.RunAsync("group", _ => { Record(order, "group 2"); return Task.CompletedTask; }, CancellationToken.None);
        await executor.RunAsync("private", _ => { Record(order, "private"); return Task.CompletedTask; }, CancellationToken.None).WaitAsync(Patience);
        var secondRanEarly = second.IsCompleted;
        release.SetResult();
        await Task.WhenAll(slow, second).WaitAsync(Patience);

        Assert.False(secondRanEarly);
        Assert.Equal(["private", "group 1", "group 2"], order);
        Assert.Equal(0, executor.ActiveKeys);
    }

    [Fact]
    public async Task RunAsync_MoreKeysThanTheBound_AtMostTheBoundRunAtOnce()
    {
        var executor = new KeyedSerialExecutor<int>(maxConcurrency: 3);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = 0;
        var peak = 0;
        var threeRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var all = Enumerable.Range(0, 10).Select(key => executor.RunAsync(key, async _ =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            if (now == 3)
            {
                threeRunning.TrySetResult();
            }

            await release.Task;
            Interlocked.Decrement(ref running);
        }, CancellationToken.None)).ToArray();
        await threeRunning.Task.WaitAsync(Patience);
        var startedBeforeRelease = Volatile.Read(ref running);
        release.SetResult();
        await Task.WhenAll(all).WaitAsync(Patience);

        Assert.Equal(3, startedBeforeRelease);
        Assert.Equal(3, peak);
    }

    [Fact]
    public async Task RunAsync_WorkFails_TheNextForTheKeyStillRuns()
    {
        var executor = new KeyedSerialExecutor<string>(maxConcurrency: 2);
        var ran = false;

        var failing = executor.RunAsync("chat", _ => throw new InvalidOperationException("a bad update"), CancellationToken.None);
        var next = executor.RunAsync("chat", _ => { ran = true; return Task.CompletedTask; }, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        await next.WaitAsync(Patience);
        Assert.True(ran);
    }

    private static void Record(List<string> order, string item)
    {
        lock (order)
        {
            order.Add(item);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
