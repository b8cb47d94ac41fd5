namespace ReleaseBot.Core.Scheduling;

/// <summary>The one loop shape of the hosted services: a tick at once, then one every period, on <see cref="TimeProvider"/>.</summary>
public static class PeriodicLoop
{
    /// <summary>
    /// Runs <paramref name="tick"/> now and then every <paramref name="period"/> until <paramref name="stoppingToken"/>
    /// is cancelled. A failed tick (including a timeout's OperationCanceledException) goes to <paramref name="onFailure"/>
    /// and the loop goes on; only the stopping token ends it.
    /// </summary>
    public static async Task RunAsync(
        TimeSpan period,
        TimeProvider time,
        Func<CancellationToken, Task> tick,
        Action<Exception> onFailure,
        CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(period, time);
        do
        {
            try
            {
                await tick(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                onFailure(ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
