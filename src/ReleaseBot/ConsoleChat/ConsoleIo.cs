namespace ReleaseBot.ConsoleChat;

/// <summary>
/// The console chat's streams. Writes are serialised so that a reply and an announcement sent
/// at the same moment never interleave. Tests hand in their own reader and writer.
/// </summary>
public sealed class ConsoleIo(TextReader input, TextWriter output)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public TextReader Input { get; } = input;

    public static ConsoleIo Standard() => new(Console.In, Console.Out);

    public async Task WriteBlockAsync(string text, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await output.WriteLineAsync(text.AsMemory(), cancellationToken);
            await output.WriteLineAsync();
            await output.FlushAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }
}
