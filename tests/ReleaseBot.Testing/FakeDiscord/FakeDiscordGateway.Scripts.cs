using System.Text.Json.Nodes;

namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>What tests make the gateway do: dispatch events, ask for a reconnect, invalidate the session, close or drop.</summary>
public sealed partial class FakeDiscordGateway
{
    /// <summary>
    /// Logs a dispatch in the current session and sends it if a socket is attached; a client that is away gets it
    /// on Resume. Returns its sequence number. Throws when no session was ever READY.
    /// </summary>
    public async Task<int> DispatchAsync(string type, JsonNode? data, CancellationToken cancellationToken = default)
    {
        await _dispatch.WaitAsync(cancellationToken);
        try
        {
            FakeGatewaySession session;
            lock (_gate)
            {
                session = _session ?? throw new InvalidOperationException("No gateway session: wait for READY first.");
            }

            var frame = session.Log(type, data);
            if (session.Connection is { } connection)
            {
                await connection.SendAsync(frame, cancellationToken);
            }

            return frame["s"]!.GetValue<int>();
        }
        finally
        {
            _dispatch.Release();
        }
    }

    /// <summary>Sends <paramref name="message"/> as it is on the current socket: a broken or hostile frame.</summary>
    public Task SendRawAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default) =>
        Current() is { } connection ? connection.SendRawAsync(message, cancellationToken) : Task.CompletedTask;

    /// <summary>op 7 Reconnect: the client should close and Resume on <see cref="ResumeUrl"/>.</summary>
    public Task SendReconnectAsync(CancellationToken cancellationToken = default) => SendToCurrentAsync(Frame(7, null), cancellationToken);

    /// <summary>op 9 Invalid Session; with <paramref name="resumable"/> false the session can no longer be resumed.</summary>
    public Task SendInvalidSessionAsync(bool resumable, CancellationToken cancellationToken = default)
    {
        if (!resumable)
        {
            Invalidate();
        }

        return SendToCurrentAsync(Frame(9, resumable), cancellationToken);
    }

    /// <summary>op 1 from the server: the client must heartbeat at once.</summary>
    public Task RequestHeartbeatAsync(CancellationToken cancellationToken = default) =>
        SendToCurrentAsync(new JsonObject { ["op"] = 1, ["d"] = null }, cancellationToken);

    /// <summary>
    /// Closes the current socket with <paramref name="code"/>. 4007, 4009 and the fatal codes (4004, 4010–4014) also end
    /// the session, so a Resume after them gets op 9 <c>false</c>; 4000 and the other recoverable codes keep it.
    /// </summary>
    public async Task CloseAsync(int code, string reason = "", CancellationToken cancellationToken = default)
    {
        if (code is 4004 or 4007 or 4009 or >= 4010 and <= 4014)
        {
            Invalidate();
        }

        if (Current() is { } connection)
        {
            await connection.CloseAsync(code, reason, cancellationToken);
        }
    }

    /// <summary>Drops the current socket without a close frame (the session stays resumable).</summary>
    public void DropConnection() => Current()?.Abort();

    /// <summary>The bot joined (or regained) a guild: GUILD_CREATE with its channels and roles.</summary>
    public async Task<int> GuildCreateAsync(FakeDiscordGuild guild, CancellationToken cancellationToken = default)
    {
        _state.AddGuild(guild);
        return await DispatchAsync("GUILD_CREATE", FakeDiscordJson.Guild(guild, BotUser(), _state.Options.Time.GetUtcNow()), cancellationToken);
    }

    /// <summary>
    /// GUILD_DELETE. Without <paramref name="unavailable"/> the bot was removed: the guild and its channels are gone
    /// for REST too (10003). With it, an outage: the guild stays and the payload says <c>unavailable: true</c>.
    /// </summary>
    public async Task<int> GuildDeleteAsync(ulong guildId, bool unavailable = false, CancellationToken cancellationToken = default)
    {
        var data = new JsonObject { ["id"] = FakeDiscordJson.Id(guildId) };
        if (unavailable)
        {
            data["unavailable"] = true;
        }
        else
        {
            _state.RemoveGuild(guildId);
        }

        return await DispatchAsync("GUILD_DELETE", data, cancellationToken);
    }

    /// <summary>CHANNEL_DELETE: the channel is gone (REST answers 10003 from now on).</summary>
    public async Task<int> ChannelDeleteAsync(ulong channelId, CancellationToken cancellationToken = default)
    {
        var channel = _state.RemoveChannel(channelId) ?? throw new ArgumentException($"Unknown channel {channelId}.", nameof(channelId));
        return await DispatchAsync("CHANNEL_DELETE", FakeDiscordJson.Channel(channel), cancellationToken);
    }

    private void Invalidate()
    {
        lock (_gate)
        {
            if (_session is { } session)
            {
                session.Invalidated = true;
            }
        }
    }

    private FakeGatewayConnection? Current()
    {
        lock (_gate)
        {
            return _current;
        }
    }

    private async Task SendToCurrentAsync(JsonObject frame, CancellationToken cancellationToken)
    {
        if (Current() is { } connection)
        {
            await connection.SendAsync(frame, cancellationToken);
        }
    }
}
