using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Ports;

/// <summary>Where sources put events; the delivery planner is the implementation.</summary>
public interface IEventSink
{
    /// <summary>Plans deliveries for the event; returns how many new ones were planned.</summary>
    Task<int> PublishAsync(BotEvent botEvent, CancellationToken cancellationToken);
}
