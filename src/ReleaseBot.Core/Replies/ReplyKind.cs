namespace ReleaseBot.Core.Replies;

public enum ReplyKind
{
    Info = 0,
    /// <summary>A list (latest, rank, vendors): link previews off.</summary>
    List = 1,
    Announcement = 2,
    Digest = 3,
    /// <summary>The input was wrong; nothing changed.</summary>
    Error = 4,
    /// <summary>A setting was changed.</summary>
    Done = 5,
}
