namespace ReleaseBot.Core.Replies;

/// <summary>
/// A platform-neutral message. All strings are plain text (never markup): the Telegram renderer
/// escapes them into HTML and splits at 4096 characters; the Discord renderer fits them into
/// content and embeds within every limit; the console prints them as they are.
/// </summary>
public sealed record Reply
{
    public ReplyKind Kind { get; init; } = ReplyKind.Info;
    public string? Title { get; init; }
    /// <summary>Where the title links (a model page).</summary>
    public string? TitleUrl { get; init; }
    public IReadOnlyList<ReplyLine> Lines { get; init; } = [];
    public IReadOnlyList<ReplyField> Fields { get; init; } = [];
    public IReadOnlyList<ReplyLink> Links { get; init; } = [];
    public string? Footer { get; init; }
    /// <summary>The vendor the reply is about, when it is about one; renderers derive a stable accent colour from it.</summary>
    public string? VendorId { get; init; }

    public static Reply Text(string text, ReplyKind kind = ReplyKind.Info) =>
        new() { Kind = kind, Lines = [new ReplyLine(text)] };

    public static Reply Error(string text) => Text(text, ReplyKind.Error);
}
