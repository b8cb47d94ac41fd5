using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Replies;

namespace ReleaseBot.Core.Ports;

/// <summary>
/// Turns an event into the reply one subscription receives (its language, its filters),
/// reading what it needs from the store at send time: an announcement, a rank move, a watch hit, a digest.
/// </summary>
public interface IEventComposer
{
    /// <summary>Null when there is nothing to send any more (e.g. the release was removed).</summary>
    Task<Reply?> ComposeAsync(BotEvent botEvent, Subscription subscription, CancellationToken cancellationToken);

    /// <summary>
    /// A key shared by every subscription that receives exactly the same reply for this event (e.g. the event id and
    /// the language), so a fan-out composes it once; null when the reply depends on the subscription itself.
    /// </summary>
    string? ShareKey(BotEvent botEvent, Subscription subscription) => null;
}
