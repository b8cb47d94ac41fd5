namespace ReleaseBot.ConsoleChat;

public enum ConsoleMode
{
    /// <summary>On when no Telegram or Discord token is configured.</summary>
    Auto = 0,
    On = 1,
    Off = 2,
}

/// <summary>Section <c>ReleaseBot:Console</c>.</summary>
public sealed class ConsoleOptions
{
    public const string Section = "ReleaseBot:Console";

    public ConsoleMode Mode { get; set; } = ConsoleMode.Auto;

    /// <summary>Stop the host when standard input closes (EOF).</summary>
    public bool StopOnEndOfInput { get; set; } = true;

    /// <summary>Language of the console chat when it is first subscribed: <c>en</c> or <c>zh</c>.</summary>
    public string Language { get; set; } = "en";
}
