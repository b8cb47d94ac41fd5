namespace ReleaseBot.Telegram.Receiving;

/// <summary>
/// Reads a command from a message text. In groups users address a bot as <c>/latest@BotName</c>; a command
/// for another bot is not ours (https://core.telegram.org/bots/features#commands, TGEX Console/Program.cs).
/// </summary>
public static class TelegramCommandText
{
    /// <summary>The text with any <c>@ThisBot</c> suffix removed from the command, or null when it is no command for this bot.</summary>
    public static string? Normalize(string? text, string? botUsername)
    {
        if (string.IsNullOrWhiteSpace(text) || !text.StartsWith('/') || text.Length < 2)
        {
            return null;
        }

        var end = text.AsSpan().IndexOfAny(' ', '\n', '\t');
        var command = end < 0 ? text : text[..end];
        var rest = end < 0 ? string.Empty : text[end..];
        var at = command.IndexOf('@', StringComparison.Ordinal);
        if (at > 0)
        {
            var addressee = command[(at + 1)..];
            if (!string.Equals(addressee, botUsername, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            command = command[..at];
        }

        return command.Length > 1 ? command + rest : null;
    }
}
