using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Ports;

/// <summary>The delivery outbox. Every write is committed when the call returns.</summary>
public interface IOutbox
{
    /// <summary>Adds the row when its key is new; false (and nothing changes) when it exists.</summary>
    Task<bool> TryAddAsync(Delivery delivery, CancellationToken cancellationToken);
    /// <summary>
    /// Adds the rows whose keys are new, all in one commit (a batch of a fan-out); returns those added, in order.
    /// Each distinct event is stored once, however many rows refer to it.
    /// </summary>
    Task<IReadOnlyList<Delivery>> TryAddManyAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken);
    Task<Delivery?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Stores the event (once) and opens its fan-out, unless one is open; returns the open fan-out.</summary>
    Task<FanOut> OpenFanOutAsync(BotEvent botEvent, DateTimeOffset now, CancellationToken cancellationToken);
    /// <summary>Open fan-outs, oldest first.</summary>
    Task<IReadOnlyList<FanOut>> GetOpenFanOutsAsync(CancellationToken cancellationToken);
    /// <summary>
    /// One commit: adds the rows whose keys are new (as <see cref="TryAddManyAsync"/>) and moves the event's open
    /// fan-out on to <paramref name="after"/>, or closes it when <paramref name="after"/> is null. A fan-out closed
    /// meanwhile stays closed. Returns the rows added.
    /// </summary>
    Task<IReadOnlyList<Delivery>> AdvanceFanOutAsync(
        string eventId, IReadOnlyList<Delivery> deliveries, string? after, CancellationToken cancellationToken);
    /// <summary>Pending rows of a platform whose NextAttemptAt ≤ now, oldest first.</summary>
    Task<IReadOnlyList<Delivery>> GetDueAsync(Platform platform, DateTimeOffset now, int max, CancellationToken cancellationToken);
    /// <summary>Earliest NextAttemptAt among pending rows of the platform, or null.</summary>
    Task<DateTimeOffset?> GetNextDueAtAsync(Platform platform, CancellationToken cancellationToken);
    /// <summary>
    /// The latest <see cref="Delivery.NextAttemptAt"/> among the subscription's pending rows that come before
    /// <paramref name="first"/> (by <see cref="Delivery.CreatedAt"/>, then id) and are not due at <paramref name="now"/>;
    /// null when there are none. The chat's later rows must wait behind them.
    /// </summary>
    Task<DateTimeOffset?> GetWaitBeforeAsync(string subscriptionId, Delivery first, DateTimeOffset now, CancellationToken cancellationToken);
    /// <summary>Pending rows of the platform, due now or waiting for a retry.</summary>
    Task<int> CountPendingAsync(Platform platform, CancellationToken cancellationToken);
    /// <summary>Pending rows of the platform due at <paramref name="now"/> (not those waiting for a retry).</summary>
    Task<int> CountDueAsync(Platform platform, DateTimeOffset now, CancellationToken cancellationToken);
    Task UpdateAsync(Delivery delivery, CancellationToken cancellationToken);
    Task<IReadOnlyList<Delivery>> GetBySubscriptionAsync(string subscriptionId, CancellationToken cancellationToken);
    Task<IReadOnlyDictionary<DeliveryState, int>> CountByStateAsync(CancellationToken cancellationToken);
    /// <summary>
    /// Deletes finished rows (sent, failed, dropped) that finished before <paramref name="finishedBefore"/>, and the
    /// events older than it that no row and no open fan-out refers to. Pending rows are never pruned, however old.
    /// </summary>
    Task<OutboxPruneResult> PruneAsync(DateTimeOffset finishedBefore, CancellationToken cancellationToken);
}
