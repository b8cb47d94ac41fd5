namespace ReleaseBot.Core.Domain;

/// <summary>
/// An event whose delivery rows are still being written: the planner writes them a batch at a time in fan-out order
/// (<see cref="Subscription.Position"/>), each batch in one commit with the position it reached, so a restart goes on
/// from there. Closed (removed) once every subscription was read.
/// </summary>
public sealed record FanOut
{
    public required BotEvent Event { get; init; }
    public required DateTimeOffset OpenedAt { get; init; }
    /// <summary>Position of the last subscription read; null before the first batch.</summary>
    public string? After { get; init; }
}
