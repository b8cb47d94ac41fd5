using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;

namespace ReleaseBot.Testing.Fakes;

/// <summary>
/// An <see cref="IEventSink"/> that records events and, like the real planner, counts an event id once:
/// <see cref="Planned"/> holds first publications, <see cref="Published"/> every call.
/// </summary>
public sealed class RecordingEventSink : IEventSink
{
    private readonly Lock _lock = new();
    private readonly List<BotEvent> _published = [];
    private readonly Dictionary<string, BotEvent> _planned = new(StringComparer.Ordinal);
    private readonly List<TaskCompletionSource<BotEvent>> _waiters = [];

    /// <summary>Raised once per new event id, on the publishing thread (bench: time of planning).</summary>
    public event Action<BotEvent>? EventPlanned;

    public IReadOnlyList<BotEvent> Published
    {
        get
        {
            lock (_lock)
            {
                return [.. _published];
            }
        }
    }

    public IReadOnlyList<BotEvent> Planned
    {
        get
        {
            lock (_lock)
            {
                return [.. _planned.Values];
            }
        }
    }

    public IReadOnlyList<BotEvent> PlannedOf(EventKind kind) => Planned.Where(e => e.Kind == kind).ToList();

    /// <summary>When set, every publication throws it before recording anything (a planner that fails, a process killed).</summary>
    public Exception? Failure { get; set; }

    public Task<int> PublishAsync(BotEvent botEvent, CancellationToken cancellationToken)
    {
        if (Failure is { } failure)
        {
            return Task.FromException<int>(failure);
        }

        bool isNew;
        List<TaskCompletionSource<BotEvent>> waiters;
        lock (_lock)
        {
            _published.Add(botEvent);
            isNew = _planned.TryAdd(botEvent.Id, botEvent);
            waiters = isNew ? [.. _waiters] : [];
            _waiters.Clear();
        }

        if (isNew)
        {
            EventPlanned?.Invoke(botEvent);
        }

        foreach (var waiter in waiters)
        {
            waiter.TrySetResult(botEvent);
        }

        return Task.FromResult(isNew ? 1 : 0);
    }

    /// <summary>Waits until an event satisfying <paramref name="match"/> has been planned.</summary>
    public async Task<BotEvent> WaitForAsync(Func<BotEvent, bool> match, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            TaskCompletionSource<BotEvent> waiter;
            lock (_lock)
            {
                if (_planned.Values.FirstOrDefault(match) is { } found)
                {
                    return found;
                }

                waiter = new TaskCompletionSource<BotEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add(waiter);
            }

            try
            {
                await waiter.Task.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching event within {timeout}; planned: {string.Join(", ", Planned.Select(e => e.Id))}");
            }
        }
    }
}
