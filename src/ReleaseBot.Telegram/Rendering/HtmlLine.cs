namespace ReleaseBot.Telegram.Rendering;

/// <summary>One line of a message; its <see cref="VisibleLength"/> is what Telegram counts against 4096.</summary>
public sealed record HtmlLine(IReadOnlyList<HtmlSpan> Spans)
{
    public static HtmlLine Empty { get; } = new([]);

    public static HtmlLine Of(params HtmlSpan[] spans) => new(spans);

    /// <summary>Characters after entity parsing: the plain text, in UTF-16 units like Telegram's entity offsets.</summary>
    public int VisibleLength => Spans.Sum(s => s.Text.Length);

    public string ToHtml() => string.Concat(Spans.Select(s => s.ToHtml()));
}
