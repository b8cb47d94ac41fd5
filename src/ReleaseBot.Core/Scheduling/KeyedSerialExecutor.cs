namespace ReleaseBot.Core.Scheduling;

/// <summary>
/// Runs work concurrently across keys and strictly in order within one key (a chat, a channel): work for a key starts
/// only when the work queued before it for that key has finished, and at most <paramref name="maxConcurrency"/> pieces
/// of work run at once. A slow piece of work holds back its own key only.
/// </summary>
/// <remarks>
/// Each key keeps only the task of its last queued work, and forgets it once that finishes, so memory follows the keys
/// with work queued, not every key ever seen. It lives as long as its owner and holds no handle, so it needs no disposal. A failed or cancelled piece of work does not stop the ones after it.
/// </remarks>
public sealed class KeyedSerialExecutor<TKey>(int maxConcurrency, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, Task> _tails = new(comparer);
    private readonly SemaphoreSlim _slots = new(maxConcurrency, maxConcurrency);

    /// <summary>Keys with work queued or running.</summary>
    public int ActiveKeys
    {
        get
        {
            lock (_gate)
            {
                return _tails.Count;
            }
        }
    }

    /// <summary>
    /// Queues <paramref name="work"/> behind the work already queued for <paramref name="key"/>; the task completes (or
    /// fails) as the work does. Cancelling <paramref name="cancellationToken"/> before the work starts skips it.
    /// </summary>
    public async Task RunAsync(TKey key, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task previous;
        lock (_gate)
        {
            previous = _tails.GetValueOrDefault(key) ?? Task.CompletedTask;
            _tails[key] = done.Task;
        }

        try
        {
            await previous;
            await _slots.WaitAsync(cancellationToken);
            try
            {
                // Off the caller's stack: the caller queues a whole batch before any of it runs.
                await Task.Yield();
                await work(cancellationToken);
            }
            finally
            {
                _slots.Release();
            }
        }
        finally
        {
            lock (_gate)
            {
                if (_tails.TryGetValue(key, out var tail) && tail == done.Task)
                {
                    _tails.Remove(key);
                }
            }

            done.SetResult();
        }
    }
}
