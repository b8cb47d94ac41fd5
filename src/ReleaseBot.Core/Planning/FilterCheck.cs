namespace ReleaseBot.Core.Planning;

/// <summary>Which check of a subscription decided about an event (for <c>/why</c> and logs).</summary>
public enum FilterCheck
{
    /// <summary>Every check passed.</summary>
    None = 0,
    /// <summary>The subscription is paused or inactive.</summary>
    Paused = 1,
    /// <summary>The subscription takes digests only, not instant messages.</summary>
    Mode = 2,
    /// <summary>Rank alerts are switched off.</summary>
    RankAlerts = 3,
    /// <summary>The subscription wants official releases only and this is a derivative.</summary>
    OfficialOnly = 4,
    Vendor = 5,
    Modality = 6,
    MinParams = 7,
    /// <summary>A watch hit goes only to the chat that set the watch.</summary>
    WatchTarget = 8,
    /// <summary>The event kind is not planned by filters (digests are planned by the scheduler).</summary>
    EventKind = 9,
}
