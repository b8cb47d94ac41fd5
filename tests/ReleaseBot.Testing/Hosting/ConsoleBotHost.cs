using ReleaseBot.ConsoleChat;

namespace ReleaseBot.Testing.Hosting;

/// <summary>
/// A started <see cref="BotFixture"/> with the console chat on queued input and captured output and the bundled data
/// imported; Hub polling, Telegram and Discord stay off.
/// </summary>
public sealed class ConsoleBotHost : IAsyncDisposable
{
    private readonly BotFixture _bot;

    private ConsoleBotHost(BotFixture bot, LineQueueReader input, CapturingWriter output)
    {
        _bot = bot;
        Input = input;
        Output = output;
    }

    public LineQueueReader Input { get; }
    public CapturingWriter Output { get; }
    public string DataPath => _bot.Path;
    public IServiceProvider Services => _bot.Services;

    /// <summary>Starts a host. Pass <paramref name="dataPath"/> to reopen an earlier host's file (a restart).</summary>
    public static async Task<ConsoleBotHost> StartAsync(string? dataPath = null)
    {
        var input = new LineQueueReader();
        var output = new CapturingWriter();
        var options = new BotFixtureOptions().WithConsole(new ConsoleIo(input, output)).WithSeed();
        if (dataPath is not null)
        {
            options.InFolder(Path.GetDirectoryName(dataPath)!, Path.GetFileName(dataPath));
        }

        return new ConsoleBotHost(await BotFixture.StartAsync(options), input, output);
    }

    /// <summary>Types a command and waits for its answer (the text printed after it).</summary>
    public async Task<string> AskAsync(string command, TimeSpan? timeout = null)
    {
        var before = Output.Text.Length;
        Input.Push(command);
        await Output.WaitForAsync(t => t.Length > before && t.EndsWith("\n\n", StringComparison.Ordinal), timeout ?? TimeSpan.FromSeconds(30));
        return Output.Text[before..];
    }

    public async ValueTask DisposeAsync()
    {
        Input.Complete();
        await _bot.DisposeAsync();
    }
}
