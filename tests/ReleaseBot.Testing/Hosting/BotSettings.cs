namespace ReleaseBot.Testing.Hosting;

/// <summary>
/// The settings every test bot starts from, in process (<see cref="BotFixture"/>) or as a child process
/// (<see cref="BotProcess"/>): nothing reaches beyond 127.0.0.1 and nothing runs that a test did not ask for.
/// </summary>
public static class BotSettings
{
    /// <summary>A closed port on the loopback: an adapter switched on by mistake fails fast instead of calling out.</summary>
    public const string Nowhere = "http://127.0.0.1:9";

    /// <summary>
    /// Console chat off, Hub polling off, seed import off, every token empty, every base URL on 127.0.0.1;
    /// the data file at <paramref name="dataPath"/> (relative paths are taken from the content root).
    /// </summary>
    public static Dictionary<string, string?> Defaults(string dataPath) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["ReleaseBot:DataPath"] = dataPath,
        ["ReleaseBot:Console:Mode"] = "Off",
        ["ReleaseBot:Seed:Enabled"] = "false",
        ["ReleaseBot:HuggingFace:Enabled"] = "false",
        ["ReleaseBot:HuggingFace:BaseUrl"] = Nowhere,
        ["ReleaseBot:HuggingFace:Token"] = "",
        ["ReleaseBot:HuggingFace:Webhook:Enabled"] = "false",
        ["ReleaseBot:Telegram:Token"] = "",
        ["ReleaseBot:Telegram:ApiBaseUrl"] = Nowhere,
        ["ReleaseBot:Discord:Token"] = "",
        ["ReleaseBot:Discord:ApiBaseUrl"] = Nowhere + "/api/v10",
        ["ReleaseBot:Web:ListenUrl"] = "",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary>Settings as environment variables for a child process (<c>ReleaseBot:Telegram:Token</c> → <c>ReleaseBot__Telegram__Token</c>).</summary>
    public static Dictionary<string, string> ToEnvironment(IReadOnlyDictionary<string, string?> settings) =>
        settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value ?? string.Empty, StringComparer.Ordinal);
}
