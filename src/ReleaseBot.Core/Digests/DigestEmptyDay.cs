namespace ReleaseBot.Core.Digests;

/// <summary>What a subscriber gets on a day with nothing new for their filters.</summary>
public enum DigestEmptyDay
{
    /// <summary>A one-line "nothing new" digest.</summary>
    Note = 0,
    /// <summary>Nothing; the date is recorded so it is not owed later.</summary>
    Skip = 1,
}
