using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Replies;

namespace ReleaseBot.Testing.Fakes;

/// <summary>
/// An <see cref="IMessageSender"/> that records every send in order. Outcomes can be scripted
/// per chat (used in order, then sends succeed), and it can simulate a crash between the
/// platform accepting a message and the sender returning: the message counts as arrived,
/// then the call hangs until it is cancelled.
/// </summary>
public sealed class RecordingSender(Platform platform = Platform.Telegram) : IMessageSender
{
    private readonly Lock _gate = new();
    private readonly List<RecordedSend> _attempts = [];
    private readonly List<RecordedSend> _arrived = [];
    private readonly Dictionary<string, Queue<SendOutcome>> _scripts = new(StringComparer.Ordinal);
    private readonly List<(Func<bool> Reached, TaskCompletionSource Done)> _waiters = [];
    private int _messageIds;
    private int? _crashAfterArrivals;
    private int _hanging;

    public Platform Platform => platform;

    /// <summary>Every call, in the order they were made.</summary>
    public IReadOnlyList<RecordedSend> Attempts { get { lock (_gate) { return [.. _attempts]; } } }

    /// <summary>Messages the "platform" accepted, in order (including those of crashed calls).</summary>
    public IReadOnlyList<RecordedSend> Arrived { get { lock (_gate) { return [.. _arrived]; } } }

    /// <summary>The next sends to <paramref name="chat"/> answer these outcomes, in order.</summary>
    public void Script(ChatAddress chat, params SendOutcome[] outcomes)
    {
        lock (_gate)
        {
            if (!_scripts.TryGetValue(chat.Key, out var queue))
            {
                _scripts[chat.Key] = queue = new Queue<SendOutcome>();
            }

            foreach (var outcome in outcomes)
            {
                queue.Enqueue(outcome);
            }
        }
    }

    /// <summary>Once <paramref name="arrivals"/> messages arrived, every further send arrives and then hangs until cancelled.</summary>
    public void CrashAfter(int arrivals)
    {
        lock (_gate)
        {
            _crashAfterArrivals = arrivals;
        }
    }

    /// <summary>While true, every send answers Transient (the platform is unreachable: connection refused, 502).</summary>
    public bool Unreachable { get; set; }

    /// <summary>Sends behave normally again.</summary>
    public void Recover()
    {
        lock (_gate)
        {
            _crashAfterArrivals = null;
        }
    }

    /// <summary>Completes when at least <paramref name="count"/> calls hang after arriving.</summary>
    public Task WhenHangingAsync(int count) => WhenAsync(() => _hanging >= count);

    /// <summary>Completes when at least <paramref name="count"/> calls have been made.</summary>
    public Task WhenAttemptedAsync(int count) => WhenAsync(() => _attempts.Count >= count);

    /// <summary>Completes when at least <paramref name="count"/> messages have arrived.</summary>
    public Task WhenArrivedAsync(int count) => WhenAsync(() => _arrived.Count >= count);

    private Task WhenAsync(Func<bool> reached)
    {
        lock (_gate)
        {
            if (reached())
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((reached, done));
            return done.Task;
        }
    }

    public async Task<SendOutcome> SendAsync(ChatAddress chat, Reply reply, string deliveryId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        bool hang;
        SendOutcome outcome;
        lock (_gate)
        {
            if (_scripts.TryGetValue(chat.Key, out var queue) && queue.TryDequeue(out var scripted))
            {
                outcome = scripted;
            }
            else if (Unreachable)
            {
                outcome = new SendOutcome.Transient("connection refused");
            }
            else
            {
                outcome = new SendOutcome.Sent([$"m{++_messageIds}"]);
            }

            var record = new RecordedSend(chat, reply, deliveryId, outcome.GetType().Name);
            _attempts.Add(record);
            hang = outcome is SendOutcome.Sent && _arrived.Count >= _crashAfterArrivals;
            if (outcome is SendOutcome.Sent)
            {
                _arrived.Add(record);
            }

            if (hang)
            {
                _hanging++;
            }

            foreach (var waiter in _waiters.Where(w => w.Reached()).ToList())
            {
                waiter.Done.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        if (hang)
        {
            // The message is out; the "process" dies before the caller learns it.
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }

        return outcome;
    }
}
