using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ReleaseBot.Discord.Receiving;

/// <summary>
/// Work started from the gateway's dispatch task that must not hold it up (an interaction's answer, command registration):
/// each runs on its own, its failure is logged, and stopping waits for what is still running.
/// </summary>
public sealed partial class DiscordBackgroundWork(ILogger<DiscordBackgroundWork> logger)
{
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    /// <summary>Starts <paramref name="work"/>; the task returned never faults (failures are logged).</summary>
    public Task Start(string what, Func<Task> work)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await work();
            }
            catch (OperationCanceledException)
            {
                // Stopping.
            }
            catch (Exception e)
            {
                Log.Failed(logger, what, e);
            }
        });
        _running.TryAdd(task, 0);
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }

    /// <summary>Completes when everything started so far has finished.</summary>
    public Task WhenIdleAsync() => Task.WhenAll(_running.Keys);

    private static partial class Log
    {
        [LoggerMessage(5710, LogLevel.Error, "Discord: {What} failed")]
        public static partial void Failed(ILogger logger, string what, Exception exception);
    }
}
