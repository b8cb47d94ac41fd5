using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using ReleaseBot.Core.Health;
using ReleaseBot.Core.Replies;
using ReleaseBot.Core.Text;

namespace ReleaseBot.Core.Commands;

/// <summary>
/// Splits the text into a command and arguments (the one place that does; typed <see cref="CommandRequest.Args"/> are
/// taken as they are), loads the chat's settings and calls the handler.
/// </summary>
public sealed partial class CommandRouter(IEnumerable<ICommandHandler> handlers, ChatSettings settings, ILogger<CommandRouter> logger)
    : ICommandRouter
{
    /// <summary>Longer input is refused before parsing; no command needs more.</summary>
    public const int MaxLength = 512;

    private readonly Dictionary<string, ICommandHandler> byName =
        handlers.ToDictionary(h => h.Name, StringComparer.OrdinalIgnoreCase);

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var (subscription, language) = await settings.LoadAsync(request, cancellationToken);
        var t = Texts.For(language);
        var text = request.Text.Trim();
        if (text.Length + (request.Args?.Sum(a => a.Length + 1) ?? 0) > MaxLength)
        {
            return Reply.Error(t.TooLong(MaxLength));
        }

        var tokens = Whitespace().Split(text).Where(s => s.Length > 0).ToArray();
        if (tokens.Length == 0 || tokens[0].Length < 2 || tokens[0][0] != '/')
        {
            return Reply.Error(t.UnknownCommand(CommandReplies.Echo(tokens.FirstOrDefault() ?? string.Empty)));
        }

        var name = tokens[0][1..].ToLowerInvariant();
        if (name == "start")
        {
            name = "help";
        }

        if (!byName.TryGetValue(name, out var handler))
        {
            return Reply.Error(t.UnknownCommand(CommandReplies.Echo(tokens[0])));
        }

        IReadOnlyList<string> args = request.Args is { } typed ? [.. typed.Select(a => a.Trim()).Where(a => a.Length > 0)] : tokens[1..];
        var context = new CommandContext(request, handler.Name, args, language, subscription);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var reply = await handler.HandleAsync(context, cancellationToken);
            ReleaseBotMetrics.CommandDuration.Record(ReleaseBotMetrics.SecondsSince(started), new KeyValuePair<string, object?>("command", handler.Name));
            return reply;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.CommandFailed(logger, ex, handler.Name, request.Chat.Key);
            return Reply.Error(t.InternalError);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private static partial class Log
    {
        [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Command /{Command} failed in chat {Chat}")]
        public static partial void CommandFailed(ILogger logger, Exception exception, string command, string chat);
    }
}
