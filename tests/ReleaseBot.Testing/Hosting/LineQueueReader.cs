using System.Threading.Channels;

namespace ReleaseBot.Testing.Hosting;

/// <summary>A standard input for an in-process console chat: tests push lines, <see cref="Complete"/> is EOF.</summary>
public sealed class LineQueueReader : TextReader
{
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();

    public void Push(string line) => _lines.Writer.TryWrite(line);

    public void Complete() => _lines.Writer.TryComplete();

    public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _lines.Reader.ReadAsync(cancellationToken);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    public override string? ReadLine() => ReadLineAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
}
