using Microsoft.Extensions.Options;

namespace ReleaseBot.Telegram.Sending;

/// <summary>
/// Telegram's send limits as one schedule (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this):
/// one message per <see cref="TelegramOptions.PerChatInterval"/> per chat, <see cref="TelegramOptions.GroupMessagesPerWindow"/>
/// per <see cref="TelegramOptions.GroupWindow"/> per group or channel, and <see cref="TelegramOptions.GlobalHardLimitPerSecond"/>
/// in any rolling second overall (optionally also evenly spaced at <see cref="TelegramOptions.GlobalMessagesPerSecond"/>). A chat's slot is taken with <see cref="TryTakeChatSlot"/> (which says when the chat is free
/// instead of waiting, so the dispatcher can let the chat wait without holding a send slot) or waited for with
/// <see cref="WaitChatSlotAsync"/> (the later parts of one reply); <see cref="WaitGlobalSlotAsync"/> is taken right
/// before each request, so the global spacing holds where requests leave the process.
/// </summary>
/// <remarks>
/// Built on reservations rather than timer-replenished token buckets: a bucket refilled on timer ticks lets two messages
/// to one chat go a fraction of the interval apart, and a global bucket's burst plus its refills overshoots a true
/// sliding window, and both draw 429s from a server that counts strictly. Reservations keep every window exact. The global
/// window counts each send from the moment it leaves until one second after its answer: Telegram counted it somewhere in
/// between, so that count bounds every one-second window at Telegram's end with no margin, and the rate reaches
/// limit / (1 + round trip) with no 429s.
/// </remarks>
internal sealed class TelegramRateLimiter(IOptions<TelegramOptions> options, TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _chatNext = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DateTimeOffset>> _groupSlots = new(StringComparer.Ordinal);
    private readonly SortedSet<long> _globalSlots = [];
    private readonly long _globalSpacing = options.Value.GlobalMessagesPerSecond > 0
        ? TimeSpan.FromSeconds(1 / options.Value.GlobalMessagesPerSecond).Ticks
        : 0;
    private readonly Queue<DateTimeOffset> _completions = new();
    private int _inFlight;
    private int _reservations;

    /// <summary>
    /// Takes the chat's slot when its limits (per chat, per group) let a message go now; otherwise takes nothing and
    /// says in <paramref name="freeAt"/> when they will.
    /// </summary>
    public bool TryTakeChatSlot(string chatId, out DateTimeOffset freeAt)
    {
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            freeAt = EarliestChatSlot(chatId, now);
            if (freeAt > now)
            {
                return false;
            }

            TakeChatSlot(chatId, now, now);
            return true;
        }
    }

    /// <summary>Reserves the chat's earliest slot and waits for it.</summary>
    public async ValueTask WaitChatSlotAsync(string chatId, CancellationToken cancellationToken)
    {
        DateTimeOffset slot;
        TimeSpan wait;
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            slot = EarliestChatSlot(chatId, now);
            TakeChatSlot(chatId, slot, now);
            wait = slot - now;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, timeProvider, cancellationToken);
        }
    }

    /// <summary>
    /// Waits for the next free instant of the global schedule; the caller must call <see cref="ReleaseGlobalSlot"/> once the
    /// request has completed. Sends in flight plus sends completed within the last second stay under the per-second
    /// limit: a request stalled on its way out (connection set-up, a busy machine) still counts, so a stall followed by
    /// a burst cannot put more than the limit into one second at Telegram's end. The even spacing, when set, comes on top.
    /// </summary>
    public async ValueTask WaitGlobalSlotAsync(CancellationToken cancellationToken)
    {
        // Capped at the platform's limit rather than the spaced rate: with the spaced rate as the cap, a round trip of
        // L seconds held the rate to cap / (1 + L), under the spacing's own rate whenever L passed a few percent.
        var cap = Math.Max(Math.Max(1, (int)Math.Ceiling(options.Value.GlobalMessagesPerSecond)), options.Value.GlobalHardLimitPerSecond);
        TimeSpan wait;
        while (true)
        {
            lock (_gate)
            {
                var now = timeProvider.GetUtcNow();
                while (_completions.Count > 0 && _completions.Peek() <= now - TimeSpan.FromSeconds(1))
                {
                    _completions.Dequeue();
                }

                if (_inFlight + _completions.Count < cap)
                {
                    _inFlight++;
                    wait = ReserveGlobal(now, now) - now;
                    break;
                }

                wait = _completions.Count > 0 ? _completions.Peek() + TimeSpan.FromSeconds(1) - now : TimeSpan.FromMilliseconds(1);
            }

            await Task.Delay(wait, timeProvider, cancellationToken);
        }

        if (wait > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(wait, timeProvider, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                ReleaseGlobalSlot();
                throw;
            }
        }
    }

    /// <summary>The request that took a global slot has completed (whatever its answer).</summary>
    public void ReleaseGlobalSlot()
    {
        lock (_gate)
        {
            _inFlight--;
            _completions.Enqueue(timeProvider.GetUtcNow());
        }
    }

    /// <summary>Holds a chat back after a 429: its next slot is no earlier than <paramref name="until"/>.</summary>
    public void Defer(string chatId, DateTimeOffset until) => PushChat(chatId, until, moveGroupSlot: false);

    /// <summary>
    /// A message to the chat has just been accepted: the chat's next slot counts from now, not from the reservation,
    /// because the request may have reached Telegram later than its slot (connection set-up, a busy machine).
    /// </summary>
    public void MarkSent(string chatId) => PushChat(chatId, timeProvider.GetUtcNow() + options.Value.PerChatInterval, moveGroupSlot: true);

    /// <summary>Groups, supergroups and channels have negative ids (or are named by @username).</summary>
    private static bool IsGroupOrChannel(string chatId) => chatId.StartsWith('-') || chatId.StartsWith('@');

    private void PushChat(string chatId, DateTimeOffset notBefore, bool moveGroupSlot)
    {
        lock (_gate)
        {
            if (!_chatNext.TryGetValue(chatId, out var next) || next < notBefore)
            {
                _chatNext[chatId] = notBefore;
            }

            if (moveGroupSlot && _groupSlots.TryGetValue(chatId, out var group) && group.Count > 0)
            {
                var now = timeProvider.GetUtcNow();
                if (group[^1] < now)
                {
                    group[^1] = now;
                }
            }
        }
    }

    /// <summary>The earliest instant the chat's own limits allow a message at; the caller holds the gate.</summary>
    private DateTimeOffset EarliestChatSlot(string chatId, DateTimeOffset now)
    {
        var o = options.Value;
        var slot = now;
        if (_chatNext.TryGetValue(chatId, out var chatNext) && chatNext > slot)
        {
            slot = chatNext;
        }

        if (_groupSlots.TryGetValue(chatId, out var group))
        {
            group.RemoveAll(t => t + o.GroupWindow <= slot);
            if (group.Count >= o.GroupMessagesPerWindow)
            {
                // The instant the oldest message that still counts leaves the window.
                var frees = group[group.Count - o.GroupMessagesPerWindow] + o.GroupWindow;
                slot = frees > slot ? frees : slot;
            }
        }

        return slot;
    }

    /// <summary>Counts a message to the chat at <paramref name="slot"/>; the caller holds the gate.</summary>
    private void TakeChatSlot(string chatId, DateTimeOffset slot, DateTimeOffset now)
    {
        if (IsGroupOrChannel(chatId))
        {
            if (!_groupSlots.TryGetValue(chatId, out var group))
            {
                _groupSlots[chatId] = group = [];
            }

            group.Add(slot);
        }

        _chatNext[chatId] = slot + options.Value.PerChatInterval;
        if (++_reservations % 4096 == 0)
        {
            Prune(now);
        }
    }

    /// <summary>
    /// The earliest instant at or after <paramref name="candidate"/> at least one spacing away from every other global
    /// reservation. Reservations may be far apart (a chat held back by a 429), so this is a gap search, not a counter.
    /// </summary>
    private DateTimeOffset ReserveGlobal(DateTimeOffset candidate, DateTimeOffset now)
    {
        if (_globalSpacing == 0)
        {
            return candidate;
        }

        while (_globalSlots.Count > 0 && _globalSlots.Min < now.UtcTicks - _globalSpacing)
        {
            _globalSlots.Remove(_globalSlots.Min);
        }

        var t = candidate.UtcTicks;
        while (true)
        {
            var near = _globalSlots.GetViewBetween(t - _globalSpacing + 1, t + _globalSpacing - 1);
            if (near.Count == 0)
            {
                break;
            }

            t = near.Max + _globalSpacing;
        }

        _globalSlots.Add(t);
        return new DateTimeOffset(t, TimeSpan.Zero);
    }

    /// <summary>Forgets chats whose limits no longer bind, so a long fan-out does not grow memory.</summary>
    private void Prune(DateTimeOffset now)
    {
        foreach (var key in _chatNext.Where(p => p.Value < now).Select(p => p.Key).ToArray())
        {
            _chatNext.Remove(key);
        }

        var window = options.Value.GroupWindow;
        foreach (var key in _groupSlots.Where(p => p.Value.Count == 0 || p.Value[^1] + window < now).Select(p => p.Key).ToArray())
        {
            _groupSlots.Remove(key);
        }
    }
}
