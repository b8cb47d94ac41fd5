using System.Text.Json.Nodes;

namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>
/// Everything the fake Discord knows and recorded: guilds and channels, messages per channel, registered commands,
/// interactions and their callbacks, requests, scripted failures and counters. Thread-safe; tests read and script it.
/// </summary>
public sealed partial class FakeDiscordState
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ulong, FakeDiscordGuild> _guilds = [];
    private readonly Dictionary<ulong, FakeDiscordChannel> _dmChannels = [];
    private readonly List<FakeDiscordMessage> _messages = [];
    private readonly List<FakeDiscordRequest> _requests = [];
    private readonly Dictionary<ulong, Queue<FakeDiscordFailure>> _failures = [];
    private readonly Dictionary<string, JsonArray> _commands = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _invalidRequests;
    private int _tooManyRequests;
    private int _globalLimitHits;
    private long _lastSnowflake;

    internal FakeDiscordState(FakeDiscordOptions options)
    {
        Options = options;
        foreach (var guild in options.Guilds)
        {
            _guilds[guild.Id] = guild;
        }
    }

    public FakeDiscordOptions Options { get; }

    /// <summary>401, 403 and 429 answers except 429s of scope <c>shared</c> (Discord's "invalid request" count, §7).</summary>
    public int InvalidRequestCount => Volatile.Read(ref _invalidRequests);
    /// <summary>Every 429 the fake answered, of any scope.</summary>
    public int TooManyRequestsCount => Volatile.Read(ref _tooManyRequests);
    /// <summary>429s of scope <c>global</c>.</summary>
    public int GlobalLimitHits => Volatile.Read(ref _globalLimitHits);

    public IReadOnlyList<FakeDiscordGuild> Guilds
    {
        get
        {
            lock (_gate)
            {
                return [.. _guilds.Values];
            }
        }
    }

    public void AddGuild(FakeDiscordGuild guild)
    {
        lock (_gate)
        {
            _guilds[guild.Id] = guild;
        }
    }

    /// <summary>The bot left (or lost) the guild: its channels answer 10003 from now on.</summary>
    public bool RemoveGuild(ulong guildId)
    {
        lock (_gate)
        {
            return _guilds.Remove(guildId);
        }
    }

    /// <summary>Adds or replaces a channel in its guild (or as a DM when <see cref="FakeDiscordChannel.GuildId"/> is null).</summary>
    public void SetChannel(FakeDiscordChannel channel)
    {
        lock (_gate)
        {
            if (channel.GuildId is not { } guildId)
            {
                _dmChannels[channel.Id] = channel;
                return;
            }

            var guild = _guilds[guildId];
            _guilds[guildId] = guild with { Channels = [.. guild.Channels.Where(c => c.Id != channel.Id), channel] };
        }
    }

    public FakeDiscordChannel? RemoveChannel(ulong channelId)
    {
        lock (_gate)
        {
            if (_dmChannels.Remove(channelId, out var dm))
            {
                return dm;
            }

            foreach (var guild in _guilds.Values.ToArray())
            {
                if (guild.Channels.FirstOrDefault(c => c.Id == channelId) is { } channel)
                {
                    _guilds[guild.Id] = guild with { Channels = [.. guild.Channels.Where(c => c.Id != channelId)] };
                    return channel;
                }
            }

            return null;
        }
    }

    public (FakeDiscordChannel Channel, FakeDiscordGuild? Guild)? FindChannel(ulong channelId)
    {
        lock (_gate)
        {
            if (_dmChannels.TryGetValue(channelId, out var dm))
            {
                return (dm, null);
            }

            foreach (var guild in _guilds.Values)
            {
                if (guild.Channels.FirstOrDefault(c => c.Id == channelId) is { } channel)
                {
                    return (channel, guild);
                }
            }

            return null;
        }
    }

    public FakeDiscordGuild? FindGuild(ulong guildId)
    {
        lock (_gate)
        {
            return _guilds.GetValueOrDefault(guildId);
        }
    }

    /// <summary>Messages the bot created in channels (not interaction responses), in order.</summary>
    public IReadOnlyList<FakeDiscordMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    public IReadOnlyList<FakeDiscordMessage> MessagesIn(ulong channelId) => [.. Messages.Where(m => m.ChannelId == channelId)];

    public IReadOnlyList<FakeDiscordRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The last bulk overwrite of global commands (empty before any).</summary>
    public JsonArray GlobalCommands => CommandsAt("global");

    public JsonArray GuildCommands(ulong guildId) => CommandsAt(guildId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private JsonArray CommandsAt(string scope)
    {
        lock (_gate)
        {
            return _commands.TryGetValue(scope, out var commands) ? (JsonArray)commands.DeepClone() : [];
        }
    }

    /// <summary>The next <paramref name="times"/> requests on channel <paramref name="channelId"/>'s routes (0 = any channel) fail so.</summary>
    public void FailNext(ulong channelId, FakeDiscordFailure failure, int times = 1)
    {
        lock (_gate)
        {
            if (!_failures.TryGetValue(channelId, out var queue))
            {
                _failures[channelId] = queue = new Queue<FakeDiscordFailure>();
            }

            for (var i = 0; i < times; i++)
            {
                queue.Enqueue(failure);
            }
        }
    }

    /// <summary>Completes when <paramref name="condition"/> holds; re-checked after every change the fake records.</summary>
    public async Task WaitUntilAsync(Func<FakeDiscordState, bool> condition, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (condition(this))
            {
                return;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    internal void Changed()
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }

    private FakeDiscordFailure? _everyRequest;

    /// <summary>While set, every request on a channel's routes fails so (an outage), after any queued failure.</summary>
    public FakeDiscordFailure? FailEveryRequest
    {
        get => Volatile.Read(ref _everyRequest);
        set => Volatile.Write(ref _everyRequest, value);
    }

    internal FakeDiscordFailure? TakeFailure(ulong channelId)
    {
        lock (_gate)
        {
            foreach (var key in new[] { channelId, 0UL })
            {
                if (_failures.TryGetValue(key, out var queue) && queue.TryDequeue(out var failure))
                {
                    return failure;
                }
            }

            return FailEveryRequest;
        }
    }

    internal void Record(FakeDiscordRequest request, bool invalid, string? limitScope)
    {
        lock (_gate)
        {
            _requests.Add(request);
        }

        if (request.Status == 429)
        {
            Interlocked.Increment(ref _tooManyRequests);
            if (limitScope == "global")
            {
                Interlocked.Increment(ref _globalLimitHits);
            }
        }

        if (invalid)
        {
            Interlocked.Increment(ref _invalidRequests);
        }

        Changed();
    }

    internal void AddMessage(FakeDiscordMessage message)
    {
        lock (_gate)
        {
            _messages.Add(message);
        }
    }

    internal void SetCommands(string scope, JsonArray commands)
    {
        lock (_gate)
        {
            _commands[scope] = commands;
        }
    }

    internal JsonArray? PreviousCommands(string scope)
    {
        lock (_gate)
        {
            return _commands.GetValueOrDefault(scope);
        }
    }

    /// <summary>A new snowflake: milliseconds since the Discord epoch (2015) in the high bits, strictly increasing.</summary>
    internal ulong NextSnowflake()
    {
        var now = (Options.Time.GetUtcNow().ToUnixTimeMilliseconds() - 1420070400000L) << 22;
        while (true)
        {
            var last = Interlocked.Read(ref _lastSnowflake);
            var next = Math.Max(now, last + 1);
            if (Interlocked.CompareExchange(ref _lastSnowflake, next, last) == last)
            {
                return (ulong)next;
            }
        }
    }
}
