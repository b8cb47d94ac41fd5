using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;

namespace ReleaseBot.Telegram.Sending;

/// <summary>
/// Telegram's send limits as one schedule (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this):
/// one message per <see cref="TelegramOptions.PerChatInterval"/> per chat, <see cref="TelegramOptions.GroupMessagesPerWindow"/>
/// per group or channel, <see cref="TelegramOptions.GlobalMessagesPerSecond"/> overall, evenly spaced. Each acquire reserves
/// the earliest slot every limit allows and waits for it, so concurrent senders never burst past a limit.
/// </summary>
public sealed class TelegramRateLimiter(IOptions<TelegramOptions> options, TimeProvider timeProvider) : IChatRateLimiter
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _chatNext = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _groupSlots = new(StringComparer.Ordinal);
    private readonly TimeSpan _globalSpacing = TimeSpan.FromSeconds(1 / options.Value.GlobalMessagesPerSecond);
    private DateTimeOffset _globalNext = DateTimeOffset.MinValue;
    private int _reservations;

    public async ValueTask<RateLimitLease> AcquireAsync(ChatAddress chat, int messages, CancellationToken cancellationToken)
    {
        for (var i = 0; i < Math.Max(1, messages); i++)
        {
            var wait = Reserve(chat.ChatId) - timeProvider.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, timeProvider, cancellationToken);
            }
        }

        return GrantedLease.Instance;
    }

    /// <summary>Holds a chat back after a 429: its next slot is no earlier than now + <paramref name="wait"/>.</summary>
    public void Defer(string chatId, TimeSpan wait)
    {
        var until = timeProvider.GetUtcNow() + wait;
        lock (_gate)
        {
            if (!_chatNext.TryGetValue(chatId, out var next) || next < until)
            {
                _chatNext[chatId] = until;
            }
        }
    }

    /// <summary>Groups, supergroups and channels have negative ids (or are named by @username).</summary>
    public static bool IsGroupOrChannel(string chatId) => chatId.StartsWith('-') || chatId.StartsWith('@');

    private DateTimeOffset Reserve(string chatId)
    {
        var o = options.Value;
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            var slot = Max(now, _globalNext);
            if (_chatNext.TryGetValue(chatId, out var chatNext))
            {
                slot = Max(slot, chatNext);
            }

            Queue<DateTimeOffset>? group = null;
            if (IsGroupOrChannel(chatId))
            {
                if (!_groupSlots.TryGetValue(chatId, out group))
                {
                    group = new Queue<DateTimeOffset>();
                    _groupSlots[chatId] = group;
                }

                while (group.Count > 0 && group.Peek() + o.GroupWindow <= slot)
                {
                    group.Dequeue();
                }

                if (group.Count >= o.GroupMessagesPerWindow)
                {
                    // The slot that frees when the oldest reservation leaves the window.
                    slot = Max(slot, group.ElementAt(group.Count - o.GroupMessagesPerWindow) + o.GroupWindow);
                }

                group.Enqueue(slot);
            }

            _globalNext = slot + _globalSpacing;
            _chatNext[chatId] = slot + o.PerChatInterval;
            if (++_reservations % 4096 == 0)
            {
                Prune(now);
            }

            return slot;
        }
    }

    /// <summary>Forgets chats whose limits no longer bind, so a long fan-out does not grow memory.</summary>
    private void Prune(DateTimeOffset now)
    {
        foreach (var key in _chatNext.Where(p => p.Value < now).Select(p => p.Key).ToArray())
        {
            _chatNext.Remove(key);
        }

        var window = options.Value.GroupWindow;
        foreach (var key in _groupSlots.Where(p => p.Value.Count == 0 || p.Value.Last() + window < now).Select(p => p.Key).ToArray())
        {
            _groupSlots.Remove(key);
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
