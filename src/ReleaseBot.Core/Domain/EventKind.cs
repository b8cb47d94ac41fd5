namespace ReleaseBot.Core.Domain;

public enum EventKind
{
    ReleaseDetected = 0,
    RankChanged = 1,
    WatchHit = 2,
    /// <summary>A daily digest for one subscription and one local date.</summary>
    Digest = 3,
}
