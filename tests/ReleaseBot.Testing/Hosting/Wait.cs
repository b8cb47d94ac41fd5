namespace ReleaseBot.Testing.Hosting;

/// <summary>The one wait of the tests for a condition that a real server, file or process makes true in its own time.</summary>
public static class Wait
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Waits (up to <paramref name="timeout"/>, default 20 s) until <paramref name="condition"/> holds; false if it never did.</summary>
    public static async Task<bool> ForAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }

    /// <summary>As <see cref="ForAsync"/>, and a <see cref="TimeoutException"/> naming <paramref name="what"/> when it never held.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        if (!await ForAsync(condition, timeout))
        {
            throw new TimeoutException($"Waited {(timeout ?? DefaultTimeout).TotalSeconds} s for {what}.");
        }
    }

    /// <summary>As <see cref="UntilAsync(Func{bool}, string, TimeSpan?)"/>, for a condition read from a store or a server.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {(timeout ?? DefaultTimeout).TotalSeconds} s for {what}.");
            }

            await Task.Delay(20);
        }
    }
}
