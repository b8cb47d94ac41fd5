using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Health;
using ReleaseBot.Core.Ports;

namespace ReleaseBot.Core.Dispatch;

/// <summary>
/// Sends one platform's due deliveries. Rows are grouped into lanes, one per subscription
/// (one chat): a lane sends its rows in order, lanes run side by side, and the worker bounds
/// the sends in flight to <see cref="DispatchOptions.MaxConcurrency"/>. A subscription has at
/// most one lane at a time, and a row belongs to one subscription, so a row is never sent
/// twice at once. A chat that has to wait waits in its lane (or in the outbox), outside that
/// bound, so it does not hold up the other chats.
/// </summary>
public sealed partial class DispatchEngine(
    IMessageSender sender,
    IOutbox outbox,
    ISubscriptionStore subscriptions,
    IEventComposer composer,
    DispatchSignal signal,
    DispatchOptions options,
    TimeProvider time,
    ILogger<DispatchEngine> logger)
{
    private readonly ConcurrentDictionary<string, Task> _lanes = new(StringComparer.Ordinal);
    private readonly DeliveryWorker _worker = new(
        sender, subscriptions, new OutcomeRecorder(outbox, subscriptions, options, time), options, time, logger);

    /// <summary>Runs until cancelled: passes over due rows, woken by the signal or the next due time.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Log.Started(logger, sender.Platform.ToString());
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var wait = options.PollInterval;
                try
                {
                    var pass = await StartDueAsync(cancellationToken);
                    wait = pass.Waiting > 0 ? options.PollInterval : await UntilNextDueAsync(cancellationToken);
                    var pending = await outbox.CountPendingAsync(sender.Platform, cancellationToken);
                    ReleaseBotMetrics.DeliveriesPending.Record(pending, ReleaseBotMetrics.PlatformTag(sender.Platform));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.PassFailed(logger, ex, sender.Platform.ToString());
                }

                await signal.WaitAsync(sender.Platform, wait, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: lanes see the same token and end after their current send.
        }
        finally
        {
            await Task.WhenAll(_lanes.Values);
        }
    }

    /// <summary>One pass that waits for every lane it started: what tests and tools call.</summary>
    public async Task<DispatchPass> RunOnceAsync(CancellationToken cancellationToken)
    {
        var pass = await StartDueAsync(cancellationToken);
        await Task.WhenAll(_lanes.Values);
        return pass;
    }

    /// <summary>Starts a lane for every subscription with due rows that has none running.</summary>
    public async Task<DispatchPass> StartDueAsync(CancellationToken cancellationToken)
    {
        var due = await outbox.GetDueAsync(sender.Platform, time.GetUtcNow(), options.BatchSize, cancellationToken);
        var replies = new PassReplies(composer);
        var started = 0;
        var waiting = 0;
        foreach (var group in due.GroupBy(d => d.SubscriptionId, StringComparer.Ordinal))
        {
            var rows = group.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
            if (_lanes.ContainsKey(group.Key))
            {
                waiting += rows.Count;
                continue;
            }

            var lane = RunLaneAsync(group.Key, rows, replies, cancellationToken);
            _lanes[group.Key] = lane;
            started += rows.Count;
            // Registered after the insert, so removal follows it even when the lane finished at once.
            _ = lane.ContinueWith(
                finished =>
                {
                    _lanes.TryRemove(new KeyValuePair<string, Task>(group.Key, finished));
                    if (finished.Result)
                    {
                        // Rows of this chat may have waited for the lane: look again now.
                        signal.Notify(sender.Platform);
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        return new DispatchPass(started, waiting);
    }

    /// <summary>Sends one chat's rows in order; false when the lane stopped without recording (stopping, or the store failing).</summary>
    private async Task<bool> RunLaneAsync(string subscriptionId, List<Delivery> snapshot, PassReplies replies, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            var rows = await StillDueAsync(snapshot, cancellationToken);
            if (rows.Count > 0 && await outbox.GetWaitBeforeAsync(subscriptionId, rows[0], time.GetUtcNow(), cancellationToken) is { } behind)
            {
                // An earlier row of this chat is waiting (a backoff after a failure, the chat's limit) and these were
                // planned after it went to wait: they wait behind it, so the chat's order holds.
                await _worker.HoldAsync(rows, behind);
                return true;
            }

            for (var i = 0; i < rows.Count; i++)
            {
                // StillDueAsync read the row after this lane took the chat, so it is current: no second read before the send.
                var holdUntil = await _worker.DeliverAsync(rows[i], replies, cancellationToken);
                if (holdUntil is { } until)
                {
                    // The chat has to wait; its later rows wait behind, so the order holds.
                    await _worker.HoldAsync(rows.Skip(i + 1), until);
                    break;
                }
            }

            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false; // stopped mid-lane: unsent rows stay Pending and go after the restart
        }
        catch (Exception ex)
        {
            // The store itself failed: rows stay Pending; the next poll tries again.
            Log.LaneFailed(logger, ex, subscriptionId);
            return false;
        }
    }

    /// <summary>
    /// The pass read its rows before it checked for a running lane, so a lane of the same chat
    /// that ended in between may have sent some of them. Once this lane owns the chat no one
    /// else writes its rows, so reading them again here gives their final state.
    /// </summary>
    private async Task<List<Delivery>> StillDueAsync(List<Delivery> snapshot, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = new List<Delivery>(snapshot.Count);
        foreach (var row in snapshot)
        {
            var current = await outbox.GetAsync(row.Id, cancellationToken);
            if (current is { State: DeliveryState.Pending } && current.NextAttemptAt <= now)
            {
                rows.Add(current);
            }
        }

        return rows;
    }

    private async Task<TimeSpan> UntilNextDueAsync(CancellationToken cancellationToken)
    {
        var next = await outbox.GetNextDueAtAsync(sender.Platform, cancellationToken);
        if (next is null)
        {
            return options.PollInterval;
        }

        var wait = next.Value - time.GetUtcNow();
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > options.PollInterval ? options.PollInterval : wait;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1311, Level = LogLevel.Information, Message = "Dispatch for {Platform} started")]
        public static partial void Started(ILogger logger, string platform);

        [LoggerMessage(EventId = 1312, Level = LogLevel.Error, Message = "Dispatch pass for {Platform} failed")]
        public static partial void PassFailed(ILogger logger, Exception exception, string platform);

        [LoggerMessage(EventId = 1313, Level = LogLevel.Error, Message = "Lane of subscription {SubscriptionId} failed")]
        public static partial void LaneFailed(ILogger logger, Exception exception, string subscriptionId);
    }
}
