using System.Text.Json;

namespace ReleaseBot.Discord.Gateway;

/// <summary>
/// Receives every dispatch (op 0) in the order the gateway sent it, READY and RESUMED included. Called one at a time from
/// a task of its own, so a slow handler delays later events but never the heartbeat. An exception is logged and the next
/// event follows. After a Resume, events may arrive twice: handle them idempotently.
/// </summary>
public interface IGatewayDispatchHandler
{
    /// <param name="eventName">The dispatch's <c>t</c>, e.g. <c>INTERACTION_CREATE</c>, <c>GUILD_DELETE</c>, <c>CHANNEL_DELETE</c>.</param>
    /// <param name="data">The dispatch's <c>d</c> (a clone, safe to keep).</param>
    Task HandleAsync(string eventName, JsonElement data, CancellationToken cancellationToken);
}
