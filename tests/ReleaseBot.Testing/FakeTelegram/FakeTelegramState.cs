using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace ReleaseBot.Testing.FakeTelegram;

/// <summary>
/// Everything the fake Bot API server knows: chats, queued updates, what the bot sent, the calls it made,
/// scripted failures, commands and the webhook. Thread-safe; tests read and script it directly.
/// </summary>
public sealed class FakeTelegramState(FakeTelegramOptions options)
{
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<long, FakeChat> _chats = new();
    private readonly List<(int Id, string Type, JsonObject Update)> _updates = [];
    private readonly List<FakeSentMessage> _sent = [];
    private readonly List<FakeApiCall> _calls = [];
    private readonly Dictionary<long, Queue<FakeFailure>> _failures = [];
    private readonly Dictionary<long, int> _messageIds = [];
    private readonly ConcurrentDictionary<long, Task> _memberHolds = new();
    private readonly ConcurrentDictionary<long, Task> _sendAnswerHolds = new();
    private TaskCompletionSource _updateArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextUpdateId = 10_000;
    private int _tooManyRequests;
    private int _droppedSends;
    private FakeFailure? _everySend;
    private int _parkedPolls;

    public FakeTelegramOptions Options => options;

    /// <summary>Commands per <c>scope|language</c> (e.g. <c>default|</c>, <c>default|zh</c>).</summary>
    public ConcurrentDictionary<string, JsonArray> Commands { get; } = new();

    public string? WebhookUrl { get; internal set; }
    public string? WebhookSecret { get; internal set; }

    /// <summary>The update types getUpdates delivers; null = the default set.</summary>
    internal HashSet<string>? AllowedUpdates { get; set; }

    /// <summary>While set, every sendMessage fails so (an outage: 502 pages, 500s), after any queued per-chat failure.</summary>
    public FakeFailure? FailEverySend
    {
        get => Volatile.Read(ref _everySend);
        set => Volatile.Write(ref _everySend, value);
    }

    /// <summary>While true, every request's connection is dropped unanswered: to the bot, Telegram is unreachable.</summary>
    public bool DropConnections { get; set; }

    /// <summary>sendMessage requests whose connection was dropped by <see cref="DropConnections"/>.</summary>
    public int DroppedSends => Volatile.Read(ref _droppedSends);

    internal void CountDroppedSend() => Interlocked.Increment(ref _droppedSends);

    /// <summary>How many 429s the fake has answered.</summary>
    public int TooManyRequestsCount => Volatile.Read(ref _tooManyRequests);

    /// <summary>Long polls that found no update and started waiting (tests await this instead of sleeping).</summary>
    public int ParkedPolls => Volatile.Read(ref _parkedPolls);

    public FakeChat AddChat(FakeChat chat) => _chats[chat.Id] = chat;

    public FakeChat AddPrivateChat(long userId, string firstName = "User") => AddChat(new FakeChat(userId, "private", firstName));

    public FakeChat AddGroup(long chatId, string title = "Group", string type = "supergroup") => AddChat(new FakeChat(chatId, type, title));

    public FakeChat AddChannel(long chatId, string username, string title = "Channel") =>
        AddChat(new FakeChat(chatId, "channel", title, username) { BotStatus = "left", BotCanPost = false });

    public FakeChat? FindChat(long chatId) => _chats.GetValueOrDefault(chatId);

    public FakeChat? FindChat(string reference) =>
        reference.StartsWith('@')
            ? _chats.Values.FirstOrDefault(c => string.Equals("@" + c.Username, reference, StringComparison.OrdinalIgnoreCase))
            : long.TryParse(reference, out var id) ? FindChat(id) : null;

    /// <summary>Queues an update (e.g. from <see cref="TelegramUpdates"/>) and returns its update_id.</summary>
    public int Enqueue(JsonObject update)
    {
        var type = update.Select(p => p.Key).First(k => k != "update_id");
        lock (_gate)
        {
            var id = _nextUpdateId++;
            update["update_id"] = id;
            _updates.Add((id, type, update));
            _updateArrived.TrySetResult();
            _updateArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return id;
        }
    }

    /// <summary>Updates not yet confirmed by a getUpdates offset.</summary>
    public int PendingUpdates
    {
        get
        {
            lock (_gate)
            {
                return _updates.Count;
            }
        }
    }

    public IReadOnlyList<FakeSentMessage> SentMessages
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    public IReadOnlyList<FakeSentMessage> SentTo(long chatId) => [.. SentMessages.Where(m => m.ChatId == chatId)];

    public IReadOnlyList<FakeApiCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>The next <paramref name="times"/> sendMessage calls to <paramref name="chatId"/> (0 = any chat) fail so.</summary>
    public void FailNext(long chatId, FakeFailure failure, int times = 1)
    {
        lock (_gate)
        {
            if (!_failures.TryGetValue(chatId, out var queue))
            {
                _failures[chatId] = queue = new Queue<FakeFailure>();
            }

            for (var i = 0; i < times; i++)
            {
                queue.Enqueue(failure);
            }
        }
    }

    /// <summary>getChatMember in <paramref name="chatId"/> answers only once <paramref name="release"/> completes: a slow admin check.</summary>
    public void HoldChatMember(long chatId, Task release) => _memberHolds[chatId] = release;

    internal Task ChatMemberHold(long chatId) => _memberHolds.GetValueOrDefault(chatId) ?? Task.CompletedTask;

    /// <summary>sendMessage to <paramref name="chatId"/> records the message at once but answers only once <paramref name="release"/> completes.</summary>
    public void HoldSendAnswers(long chatId, Task release) => _sendAnswerHolds[chatId] = release;

    internal Task SendAnswerHold(long chatId) => _sendAnswerHolds.GetValueOrDefault(chatId) ?? Task.CompletedTask;

    internal FakeFailure? TakeFailure(long chatId)
    {
        lock (_gate)
        {
            foreach (var key in new[] { chatId, 0L })
            {
                if (_failures.TryGetValue(key, out var queue) && queue.TryDequeue(out var failure))
                {
                    return failure;
                }
            }

            return FailEverySend;
        }
    }

    internal void Record(FakeApiCall call)
    {
        lock (_gate)
        {
            _calls.Add(call);
        }
    }

    internal void CountTooManyRequests() => Interlocked.Increment(ref _tooManyRequests);

    internal void CountParkedPoll() => Interlocked.Increment(ref _parkedPolls);

    internal FakeSentMessage AddSent(long chatId, Func<int, FakeSentMessage> create)
    {
        lock (_gate)
        {
            var id = _messageIds[chatId] = _messageIds.GetValueOrDefault(chatId) + 1;
            var message = create(id);
            _sent.Add(message);
            return message;
        }
    }

    /// <summary>Confirms updates below <paramref name="offset"/> and returns what is pending from it, plus a task that completes on the next enqueue.</summary>
    internal (JsonObject[] Updates, Task Arrived) TakeUpdates(int offset, int limit)
    {
        lock (_gate)
        {
            if (offset < 0)
            {
                _updates.RemoveRange(0, Math.Max(0, _updates.Count + offset));
            }
            else if (offset > 0)
            {
                _updates.RemoveAll(u => u.Id < offset);
            }

            var allowed = AllowedUpdates;
            var result = _updates
                .Where(u => allowed is null ? u.Type is not ("chat_member" or "message_reaction" or "message_reaction_count") : allowed.Contains(u.Type))
                .Take(limit)
                .Select(u => (JsonObject)u.Update.DeepClone())
                .ToArray();
            return (result, _updateArrived.Task);
        }
    }

    internal void DropPendingUpdates()
    {
        lock (_gate)
        {
            _updates.Clear();
        }
    }
}
