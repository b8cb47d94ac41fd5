using System.Buffers;
using System.Net.WebSockets;

namespace ReleaseBot.Discord.Gateway;

/// <summary>
/// Reads whole gateway frames (a message may come in many WebSocket fragments) into one reused buffer, up to
/// <see cref="MaxFrameBytes"/>: a larger frame is not a payload this bot can need, and reading it on would let one frame
/// take unbounded memory.
/// </summary>
internal sealed class GatewayFrameReader
{
    /// <summary>
    /// Without privileged intents the largest dispatch is a GUILD_CREATE of channels and roles, well under a megabyte
    /// even for a large server; 16 MB leaves room and still bounds a hostile or broken stream.
    /// </summary>
    public const int MaxFrameBytes = 16 << 20;

    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);

    /// <summary>The next whole frame, or null when the server closed the connection.</summary>
    /// <exception cref="InvalidDataException">The frame is over <see cref="MaxFrameBytes"/>.</exception>
    public async Task<ReadOnlyMemory<byte>?> ReadAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        _buffer.ResetWrittenCount();
        while (true)
        {
            var result = await socket.ReceiveAsync(_buffer.GetMemory(4096), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            _buffer.Advance(result.Count);
            if (_buffer.WrittenCount > MaxFrameBytes)
            {
                throw new InvalidDataException($"A gateway frame went past {MaxFrameBytes} bytes.");
            }

            if (result.EndOfMessage)
            {
                return _buffer.WrittenMemory;
            }
        }
    }
}
