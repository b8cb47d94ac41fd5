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

    /// <summary>The reply as plain text, one element per line (console, logs, tests).</summary>
    public string ToPlainText()
    {
        var sb = new System.Text.StringBuilder();
        if (Title is not null)
        {
            sb.AppendLine(Title);
        }

        foreach (var line in Lines)
        {
            sb.AppendLine(line.Text);
        }

        foreach (var field in Fields)
        {
            sb.Append(field.Name).Append(": ").AppendLine(field.Value);
        }

        foreach (var link in Links)
        {
            sb.Append(link.Text).Append(": ").AppendLine(link.Url);
        }

        if (Footer is not null)
        {
            sb.AppendLine(Footer);
        }

        return sb.ToString().TrimEnd('\n', '\r');
    }
}
