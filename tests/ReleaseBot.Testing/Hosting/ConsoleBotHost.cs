using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReleaseBot.Composition;
using ReleaseBot.ConsoleChat;
using ReleaseBot.Testing.Store;

namespace ReleaseBot.Testing.Hosting;

/// <summary>
/// The real host, in process, with the console chat on queued input and captured output,
/// its LiteDB file in a temp folder, and no source that reaches beyond 127.0.0.1.
/// </summary>
public sealed class ConsoleBotHost : IAsyncDisposable
{
    private readonly TempDirectory? _ownedDirectory;

    private ConsoleBotHost(IHost host, LineQueueReader input, CapturingWriter output, string dataPath, TempDirectory? ownedDirectory)
    {
        Host = host;
        Input = input;
        Output = output;
        DataPath = dataPath;
        _ownedDirectory = ownedDirectory;
    }

    public IHost Host { get; }
    public LineQueueReader Input { get; }
    public CapturingWriter Output { get; }
    public string DataPath { get; }
    public IServiceProvider Services => Host.Services;

    /// <summary>Settings every test host gets: console chat on, Hub polling off, Telegram and Discord off.</summary>
    public static Dictionary<string, string?> BaseSettings(string dataPath) => new()
    {
        ["ReleaseBot:DataPath"] = dataPath,
        ["ReleaseBot:Console:Mode"] = "On",
        ["ReleaseBot:HuggingFace:Enabled"] = "false",
        ["ReleaseBot:HuggingFace:BaseUrl"] = "http://127.0.0.1:9",
        ["ReleaseBot:Telegram:Token"] = "",
        ["ReleaseBot:Discord:Token"] = "",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary>Starts a host. Pass <paramref name="dataPath"/> to reopen an earlier host's file (a restart).</summary>
    public static async Task<ConsoleBotHost> StartAsync(
        string? dataPath = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var owned = dataPath is null ? new TempDirectory() : null;
        dataPath ??= owned!.File("releasebot.db");
        var input = new LineQueueReader();
        var output = new CapturingWriter();

        var builder = ReleaseBotHost.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(BaseSettings(dataPath));
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddSingleton(new ConsoleIo(input, output));
        services?.Invoke(builder.Services);
        builder.AddReleaseBot();

        var host = builder.Build();
        await host.StartAsync();
        return new ConsoleBotHost(host, input, output, dataPath, owned);
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
        try
        {
            await Host.StopAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            Host.Dispose();
            _ownedDirectory?.Dispose();
        }
    }
}
