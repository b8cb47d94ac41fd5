namespace ReleaseBot.Core.Domain;

public enum DeliveryState
{
    Pending = 0,
    Sent = 1,
    /// <summary>Failed permanently (bad request, too many attempts).</summary>
    Failed = 2,
    /// <summary>Not sent on purpose (subscription paused or removed).</summary>
    Dropped = 3,
}
