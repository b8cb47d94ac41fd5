using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>
/// One accepted gateway socket: serialised sends, frame reading with the 4096-byte and 120-per-60-s client limits,
/// and the heartbeat deadline (interval × 1.5 on the fake's clock).
/// </summary>
internal sealed class FakeGatewayConnection(WebSocket socket, string path, FakeDiscordOptions options) : IDisposable
{
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly FakeTelegram.FakeSlidingWindow _frames = new(new FakeTelegram.FakeRateRule(120, TimeSpan.FromSeconds(60)));
    private ITimer? _heartbeatDeadline;

    public string Path => path;
    public FakeGatewaySession? Session { get; set; }
    public bool Authenticated { get; set; }
    public bool Closed { get; private set; }

    public Task SendAsync(JsonObject frame, CancellationToken cancellationToken) =>
        SendRawAsync(Encoding.UTF8.GetBytes(frame.ToJsonString()), cancellationToken);

    /// <summary>Any bytes as one text message (tests of frames that are not gateway payloads).</summary>
    public async Task SendRawAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        await _send.WaitAsync(cancellationToken);
        try
        {
            if (socket.State == WebSocketState.Open && !Closed)
            {
                await socket.SendAsync(message, WebSocketMessageType.Text, true, cancellationToken);
            }
        }
        catch (WebSocketException)
        {
            Closed = true;
        }
        finally
        {
            _send.Release();
        }
    }

    /// <summary>Sends a close frame with <paramref name="code"/>; the receive loop ends when the client answers or drops.</summary>
    public async Task CloseAsync(int code, string reason, CancellationToken cancellationToken)
    {
        await _send.WaitAsync(cancellationToken);
        try
        {
            if (!Closed && socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                Closed = true;
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, cancellationToken);
            }
        }
        catch (WebSocketException)
        {
            socket.Abort();
        }
        finally
        {
            _send.Release();
        }
    }

    /// <summary>Drops the TCP connection without a close frame.</summary>
    public void Abort()
    {
        Closed = true;
        socket.Abort();
    }

    /// <summary>The next text frame as JSON; null when the socket closed. Throws <see cref="GatewayViolation"/> on a broken rule.</summary>
    public async Task<JsonObject?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(8192);
        try
        {
            var length = 0;
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(length, buffer.Length - length), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                length += result.Count;
                if (length > 4096)
                {
                    throw new GatewayViolation(4002, "Payload too large");
                }

                if (result.EndOfMessage)
                {
                    break;
                }
            }

            var now = options.Time.GetUtcNow();
            if (_frames.WaitAt(now) > TimeSpan.Zero)
            {
                throw new GatewayViolation(4008, "Rate limited");
            }

            _frames.Add(now);
            try
            {
                return JsonNode.Parse(buffer.AsSpan(0, length)) as JsonObject ?? throw new GatewayViolation(4002, "Decode error");
            }
            catch (JsonException)
            {
                throw new GatewayViolation(4002, "Decode error");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>(Re)arms the deadline for the next heartbeat; <paramref name="expired"/> runs when it passes.</summary>
    public void ExpectHeartbeat(Action expired)
    {
        if (!options.EnforceHeartbeatTimeout)
        {
            return;
        }

        var due = options.HeartbeatInterval * 1.5;
        if (_heartbeatDeadline is null)
        {
            _heartbeatDeadline = options.Time.CreateTimer(_ => expired(), null, due, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _heartbeatDeadline.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        // The send lock is not disposed: a test's scripted send may still be using it while the server drops the
        // connection (it holds no wait handle, so there is nothing to release), and a send on a closed socket is a no-op.
        _heartbeatDeadline?.Dispose();
    }
}
