using ReleaseBot.ConsoleChat;
using ReleaseBot.Core.Replies;

namespace ReleaseBot.Testing.Rendering;

/// <summary>
/// A reply as the console user sees it (<see cref="ConsoleRenderer"/>): tests assert rendered text,
/// never a flattening of the reply model that no chat shows.
/// </summary>
public static class ConsoleText
{
    public static string ToConsoleText(this Reply reply) => ConsoleRenderer.Render(reply);
}
