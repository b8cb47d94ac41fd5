using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace ReleaseBot.Discord.Gateway;

/// <summary>
/// One WebSocket connection to the gateway, from connect to close: waits for Hello, heartbeats on its own task (first beat
/// jittered, a missing ACK closes the connection as a zombie), identifies or resumes, tracks the sequence and hands
/// dispatches on. It decides nothing about the next connection; <see cref="GatewayEnd"/> says how this one ended.
/// </summary>
internal sealed partial class GatewayConnection(
    GatewaySession session,
    string token,
    TimeProvider timeProvider,
    Random random,
    ChannelWriter<GatewayDispatch> dispatches,
    Action<GatewayReadyInfo> onReady,
    ILogger logger)
{
    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(41_250);

    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private volatile bool _acked = true;
    private volatile bool _zombie;
    private volatile bool _helloReceived;
    private bool _established;

    /// <summary>When this connection sent Identify (null if it resumed or never got that far).</summary>
    public DateTimeOffset? IdentifiedAt { get; private set; }

    public async Task<GatewayEnd> RunAsync(Uri uri, bool resume, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await using var helloWatch = timeProvider.CreateTimer(_ => GiveUpWithoutHello(connection), null, HelloTimeout, Timeout.InfiniteTimeSpan);
        var heartbeat = Task.CompletedTask;
        try
        {
            await socket.ConnectAsync(uri, connection.Token);
            var reader = new GatewayFrameReader();
            while (true)
            {
                if (await reader.ReadAsync(socket, connection.Token) is not { } frame)
                {
                    var code = (int?)socket.CloseStatus;
                    return _zombie ? End(GatewayEndReason.Zombie) : End(GatewayEndReason.Closed) with { CloseCode = code };
                }

                if (GatewayPayload.TryParse(frame) is not { } payload)
                {
                    Log.Malformed(logger, frame.Length);
                    continue;
                }

                if (payload.Sequence is { } sequence)
                {
                    session.Observe(sequence);
                }

                switch ((GatewayOpCode)payload.Op)
                {
                    case GatewayOpCode.Hello:
                        _helloReceived = true;
                        heartbeat = HeartbeatAsync(socket, Interval(payload.Data), connection);
                        await HandshakeAsync(socket, resume, connection.Token);
                        break;
                    case GatewayOpCode.HeartbeatAck:
                        _acked = true;
                        break;
                    case GatewayOpCode.Heartbeat:
                        // The server asks for a beat now, outside the interval.
                        await SendAsync(socket, GatewayPayloads.Heartbeat(session.Sequence), connection.Token);
                        break;
                    case GatewayOpCode.Dispatch:
                        Dispatch(payload);
                        break;
                    case GatewayOpCode.Reconnect:
                        await CloseAsync(socket, GatewayCloseCodes.Reconnecting, "reconnect requested");
                        return End(GatewayEndReason.ReconnectRequested);
                    case GatewayOpCode.InvalidSession:
                        await CloseAsync(socket, GatewayCloseCodes.Reconnecting, "invalid session");
                        return End(GatewayEndReason.InvalidSession) with { Resumable = payload.Data.ValueKind == JsonValueKind.True };
                    default:
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // A planned stop closes with 1000, which ends the session (the bot goes offline at once).
            await CloseAsync(socket, (int)WebSocketCloseStatus.NormalClosure, "shutting down");
            return End(GatewayEndReason.Stopped);
        }
        catch (OperationCanceledException) when (_zombie)
        {
            return End(GatewayEndReason.Zombie);
        }
        catch (InvalidDataException)
        {
            // A frame past the reader's bound: this connection's stream cannot be trusted; drop it and resume.
            Log.FrameTooLarge(logger, GatewayFrameReader.MaxFrameBytes);
            socket.Abort();
            return End(GatewayEndReason.Dropped);
        }
        catch (Exception e) when (e is WebSocketException or IOException)
        {
            Log.Dropped(logger, e.GetType().Name, e);
            return End(GatewayEndReason.Dropped);
        }
        finally
        {
            await connection.CancelAsync();
            await heartbeat.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private GatewayEnd End(GatewayEndReason reason) => new(reason, Established: _established);

    private async Task HandshakeAsync(ClientWebSocket socket, bool resume, CancellationToken cancellationToken)
    {
        if (resume && session is { Ready: { } ready, Sequence: { } sequence })
        {
            Log.Resuming(logger, sequence);
            await SendAsync(socket, GatewayPayloads.Resume(token, ready.SessionId, sequence), cancellationToken);
        }
        else
        {
            Log.Identifying(logger, GatewayIntents.Identify);
            IdentifiedAt = timeProvider.GetUtcNow();
            await SendAsync(socket, GatewayPayloads.Identify(token), cancellationToken);
        }
    }

    private async Task HeartbeatAsync(ClientWebSocket socket, TimeSpan interval, CancellationTokenSource connection)
    {
        try
        {
            await Task.Delay(GatewayRecovery.FirstHeartbeat(interval, random), timeProvider, connection.Token);
            while (true)
            {
                if (!_acked)
                {
                    // No ACK since the last beat: the connection is a zombie. Any code but 1000/1001 keeps the session.
                    _zombie = true;
                    Log.Zombie(logger, interval.TotalMilliseconds);
                    await CloseAsync(socket, GatewayCloseCodes.Reconnecting, "no heartbeat ack");
                    await connection.CancelAsync();
                    return;
                }

                _acked = false;
                await SendAsync(socket, GatewayPayloads.Heartbeat(session.Sequence), connection.Token);
                await Task.Delay(interval, timeProvider, connection.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            // The receive loop sees the same end and reports it.
        }
    }

    private void Dispatch(GatewayPayload payload)
    {
        if (payload.EventName is not { } name)
        {
            return;
        }

        if (name == "READY")
        {
            if (GatewayReady.TryParse(payload.Data) is { } ready)
            {
                session.Open(ready);
                _established = true;
                onReady(ready);
                Log.Ready(logger, ready.ApplicationId, ready.BotUserId);
            }
            else
            {
                Log.ReadyMalformed(logger);
            }
        }
        else if (name == "RESUMED")
        {
            _established = true;
            Log.Resumed(logger, session.Sequence);
        }

        dispatches.TryWrite(new GatewayDispatch(name, payload.Data, payload.Sequence ?? 0));
    }

    private async Task SendAsync(ClientWebSocket socket, byte[] payload, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task CloseAsync(ClientWebSocket socket, int code, string reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        using var timeout = new CancellationTokenSource(CloseTimeout, timeProvider);
        try
        {
            await _sendLock.WaitAsync(timeout.Token);
            try
            {
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, timeout.Token);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            // The socket is being torn down anyway; dropping it also keeps the session resumable.
        }
    }

    private void GiveUpWithoutHello(CancellationTokenSource connection)
    {
        if (_helloReceived)
        {
            return;
        }

        _zombie = true;
        try
        {
            connection.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The connection ended meanwhile.
        }
    }

    private static TimeSpan Interval(JsonElement hello) =>
        hello.ValueKind == JsonValueKind.Object && hello.TryGetProperty("heartbeat_interval", out var ms)
            && ms.ValueKind == JsonValueKind.Number && ms.TryGetDouble(out var value) && value > 0
            ? TimeSpan.FromMilliseconds(value)
            : DefaultInterval;

    private static partial class Log
    {
        [LoggerMessage(5201, LogLevel.Information, "Discord gateway: identifying (intents {Intents})")]
        public static partial void Identifying(ILogger logger, int intents);

        [LoggerMessage(5202, LogLevel.Information, "Discord gateway: resuming from sequence {Sequence}")]
        public static partial void Resuming(ILogger logger, long sequence);

        [LoggerMessage(5203, LogLevel.Information, "Discord gateway: READY as application {ApplicationId}, bot user {BotUserId}")]
        public static partial void Ready(ILogger logger, ulong applicationId, ulong botUserId);

        [LoggerMessage(5204, LogLevel.Information, "Discord gateway: RESUMED at sequence {Sequence}")]
        public static partial void Resumed(ILogger logger, long? sequence);

        [LoggerMessage(5205, LogLevel.Warning, "Discord gateway: no heartbeat ACK within {IntervalMs:F0} ms; closing the zombie connection to resume")]
        public static partial void Zombie(ILogger logger, double intervalMs);

        [LoggerMessage(5206, LogLevel.Warning, "Discord gateway: connection lost ({Error})")]
        public static partial void Dropped(ILogger logger, string error, Exception exception);

        [LoggerMessage(5207, LogLevel.Warning, "Discord gateway: ignored a frame of {Length} bytes that is not a gateway payload")]
        public static partial void Malformed(ILogger logger, int length);

        [LoggerMessage(5209, LogLevel.Warning, "Discord gateway: a frame went past {MaxBytes} bytes; dropping the connection to resume")]
        public static partial void FrameTooLarge(ILogger logger, int maxBytes);

        [LoggerMessage(5208, LogLevel.Warning, "Discord gateway: READY without session_id, resume_gateway_url, application or user; it cannot be resumed")]
        public static partial void ReadyMalformed(ILogger logger);
    }
}
