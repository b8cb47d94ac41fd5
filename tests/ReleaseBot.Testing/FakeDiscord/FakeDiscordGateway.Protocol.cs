using System.Text.Json.Nodes;

namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>Client frames: heartbeats, Identify (token, intents, properties, rate), Resume (session, seq, replay).</summary>
public sealed partial class FakeDiscordGateway
{
    private const ulong KnownIntents = ((1UL << 17) - 1) | (1UL << 20) | (1UL << 21) | (1UL << 24) | (1UL << 25);
    private const ulong PrivilegedIntents = (1UL << 1) | (1UL << 8) | (1UL << 15);
    private const ulong GuildsIntent = 1;

    private async Task OnFrameAsync(FakeGatewayConnection connection, JsonObject frame, CancellationToken token)
    {
        var op = frame["op"] is JsonValue value && value.TryGetValue<int>(out var number) ? number : -1;
        switch (op)
        {
            case 1:
                lock (_gate)
                {
                    _heartbeats.Add(frame["d"]?.DeepClone());
                }

                connection.ExpectHeartbeat(() => _ = connection.CloseAsync(4000, "Heartbeat timeout", token));
                if (!DropHeartbeatAcks)
                {
                    await connection.SendAsync(new JsonObject { ["op"] = 11 }, token);
                }

                _state.Changed();
                break;
            case 2 or 6 when connection.Authenticated:
                throw new GatewayViolation(4005, "Already authenticated");
            case 2:
                await IdentifyAsync(connection, frame["d"] as JsonObject ?? [], token);
                break;
            case 6:
                await ResumeAsync(connection, frame["d"] as JsonObject ?? [], token);
                break;
            case 3 or 4 or 8 or 31 or 43 when !connection.Authenticated:
                throw new GatewayViolation(4003, "Not authenticated");
            case 3 or 4 or 8 or 31 or 43:
                break;
            default:
                throw new GatewayViolation(4001, "Unknown opcode");
        }
    }

    private async Task IdentifyAsync(FakeGatewayConnection connection, JsonObject identify, CancellationToken token)
    {
        var recorded = (JsonObject)identify.DeepClone();
        recorded.Remove("token");
        bool throttled;
        lock (_gate)
        {
            _identifies.Add(recorded);
            var at = _state.Options.Time.GetUtcNow();
            throttled = _identifyWindow is not null && _identifyWindow.WaitAt(at) > TimeSpan.Zero;
            if (!throttled)
            {
                _identifyWindow?.Add(at);
            }
        }

        _state.Changed();
        if (identify["token"]?.ToString() != _state.Options.Token)
        {
            throw new GatewayViolation(4004, "Authentication failed");
        }

        if (identify["properties"] is not JsonObject properties || new[] { "os", "browser", "device" }.Any(k => properties[k] is null))
        {
            throw new GatewayViolation(4002, "Decode error");
        }

        var intents = identify["intents"] is JsonValue i && i.TryGetValue<ulong>(out var bits) ? bits : ulong.MaxValue;
        if ((intents & ~KnownIntents) != 0)
        {
            throw new GatewayViolation(4013, "Invalid intent(s)");
        }

        if ((intents & PrivilegedIntents & ~_state.Options.ApprovedPrivilegedIntents) != 0)
        {
            throw new GatewayViolation(4014, "Disallowed intent(s)");
        }

        if (throttled)
        {
            // More than max_concurrency Identify calls per 5 s: Discord answers Invalid Session.
            await connection.SendAsync(Frame(9, false), token);
            return;
        }

        var session = new FakeGatewaySession(NewSessionId());
        lock (_gate)
        {
            _sessions[session.Id] = session;
            _session = session;
        }

        connection.Authenticated = true;
        var now = _state.Options.Time.GetUtcNow();
        var guilds = _state.Guilds;
        await _dispatch.WaitAsync(token);
        try
        {
            await connection.SendAsync(session.Log("READY", Ready(session, guilds)), token);
            if ((intents & GuildsIntent) != 0)
            {
                foreach (var guild in guilds)
                {
                    await connection.SendAsync(session.Log("GUILD_CREATE", FakeDiscordJson.Guild(guild, BotUser(), now)), token);
                }
            }

            lock (_gate)
            {
                connection.Session = session;
                session.Connection = connection;
            }
        }
        finally
        {
            _dispatch.Release();
        }

        _state.Changed();
    }

    private async Task ResumeAsync(FakeGatewayConnection connection, JsonObject resume, CancellationToken token)
    {
        lock (_gate)
        {
            ResumeCount++;
        }

        _state.Changed();
        if (resume["token"]?.ToString() != _state.Options.Token)
        {
            throw new GatewayViolation(4004, "Authentication failed");
        }

        FakeGatewaySession? session;
        lock (_gate)
        {
            session = _sessions.GetValueOrDefault(resume["session_id"]?.ToString() ?? string.Empty);
        }

        if (session is null || session.Invalidated)
        {
            await connection.SendAsync(Frame(9, false), token);
            return;
        }

        var seq = resume["seq"] is JsonValue s && s.TryGetValue<int>(out var number) ? number : -1;
        await _dispatch.WaitAsync(token);
        try
        {
            if (seq < 0 || seq > session.Sequence)
            {
                throw new GatewayViolation(4007, "Invalid seq");
            }

            connection.Authenticated = true;
            foreach (var missed in session.After(seq))
            {
                await connection.SendAsync(missed, token);
            }

            await connection.SendAsync(session.Log("RESUMED", new JsonObject()), token);
            lock (_gate)
            {
                session.Connection?.Abort();
                connection.Session = session;
                session.Connection = connection;
                _session = session;
            }
        }
        finally
        {
            _dispatch.Release();
        }

        _state.Changed();
    }

    private JsonObject Ready(FakeGatewaySession session, IReadOnlyList<FakeDiscordGuild> guilds) => new()
    {
        ["v"] = 10,
        ["user"] = BotUser(),
        ["guilds"] = new JsonArray([.. guilds.Select(g => new JsonObject { ["id"] = FakeDiscordJson.Id(g.Id), ["unavailable"] = true })]),
        ["session_id"] = session.Id,
        ["session_type"] = "normal",
        ["resume_gateway_url"] = ResumeUrl,
        ["application"] = new JsonObject { ["id"] = FakeDiscordJson.Id(_state.Options.ApplicationId), ["flags"] = 0 },
        ["private_channels"] = new JsonArray(),
        ["user_settings"] = new JsonObject(),
        ["_trace"] = new JsonArray("[\"fake-gateway\",{\"micros\":0}]"),
    };

    private JsonObject BotUser() => FakeDiscordJson.BotUser(_state.Options);
}
