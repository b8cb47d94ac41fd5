using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using ReleaseBot.Testing.FakeDiscord;

namespace ReleaseBot.Tests.Discord;

/// <summary>A bare ClientWebSocket speaking gateway JSON, for testing the fake itself; every receive gives up after 10 s.</summary>
internal sealed class RawGatewayClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public static async Task<RawGatewayClient> ConnectAsync(string url)
    {
        var client = new RawGatewayClient();
        await client._socket.ConnectAsync(new Uri(url + "?v=10&encoding=json"), Timeout());
        return client;
    }

    /// <summary>Reads Hello, identifies with GUILDS and returns READY's <c>d</c> after the GUILD_CREATEs (<paramref name="guilds"/> of them).</summary>
    public async Task<JsonObject> IdentifyAsync(string token, int guilds, ulong intents = 1)
    {
        await ReceiveAsync();
        await SendAsync(new JsonObject
        {
            ["op"] = 2,
            ["d"] = new JsonObject
            {
                ["token"] = token,
                ["intents"] = intents,
                ["properties"] = new JsonObject { ["os"] = "linux", ["browser"] = "ReleaseBot", ["device"] = "ReleaseBot" },
            },
        });
        var ready = await ReceiveAsync();
        for (var i = 0; i < guilds; i++)
        {
            await ReceiveAsync();
        }

        return ready?["d"] as JsonObject ?? [];
    }

    public Task SendAsync(JsonObject frame) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(frame.ToJsonString()), WebSocketMessageType.Text, true, Timeout());

    /// <summary>The next frame, or null when the server closed (see <see cref="CloseStatus"/>).</summary>
    public async Task<JsonObject?> ReceiveAsync()
    {
        var buffer = new byte[1 << 16];
        var length = 0;
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.AsMemory(length), Timeout());
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            length += result.Count;
            if (result.EndOfMessage)
            {
                return JsonNode.Parse(buffer.AsSpan(0, length))!.AsObject();
            }
        }
    }

    /// <summary>Reads frames until the server closes; returns the close code.</summary>
    public async Task<int?> ReadUntilClosedAsync()
    {
        while (_socket.State == WebSocketState.Open && await ReceiveAsync() is not null)
        {
        }

        return (int?)_socket.CloseStatus;
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token;

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, Timeout());
            }
        }
        catch (WebSocketException)
        {
            // The fake dropped the socket on purpose; there is nothing left to close.
        }

        _socket.Dispose();
    }
}
