using ReleaseBot.Core.Replies;

namespace ReleaseBot.Telegram.Rendering;

/// <summary>
/// Turns the platform-neutral <see cref="Reply"/> into Telegram HTML messages: every value escaped,
/// each message within 4096 visible characters, split on line boundaries in order.
/// </summary>
public sealed class TelegramRenderer
{
    private readonly int _maxLength;

    public TelegramRenderer(int maxLength = TelegramMessageSplitter.MaxMessageLength) => _maxLength = maxLength;

    public IReadOnlyList<TelegramMessage> Render(Reply reply)
    {
        var disablePreview = reply.Kind != ReplyKind.Announcement;
        return TelegramMessageSplitter.Split(ToLines(reply), _maxLength)
            .Select(html => new TelegramMessage(html, disablePreview))
            .ToArray();
    }

    public static IEnumerable<HtmlLine> ToLines(Reply reply)
    {
        if (!string.IsNullOrWhiteSpace(reply.Title))
        {
            yield return HtmlLine.Of(new HtmlSpan(reply.Title, Bold: true, Url: reply.TitleUrl));
            if (reply.Lines.Count > 0 || reply.Fields.Count > 0)
            {
                yield return HtmlLine.Empty;
            }
        }

        // A line's own line breaks become lines too, so splitting can happen between them.
        foreach (var line in reply.Lines)
        {
            foreach (var text in SplitBreaks(line.Text))
            {
                yield return HtmlLine.Of(new HtmlSpan(text, line.Bold, line.Url));
            }
        }

        if (reply.Fields.Count > 0 && reply.Lines.Count > 0)
        {
            yield return HtmlLine.Empty;
        }

        foreach (var field in reply.Fields)
        {
            yield return HtmlLine.Of(new HtmlSpan(field.Name + ": ", Bold: true), new HtmlSpan(field.Value));
        }

        if (reply.Links.Count > 0)
        {
            yield return HtmlLine.Empty;
            var spans = new List<HtmlSpan>();
            foreach (var link in reply.Links)
            {
                if (spans.Count > 0)
                {
                    spans.Add(new HtmlSpan(" · "));
                }

                spans.Add(TelegramHtml.IsLinkable(link.Url)
                    ? new HtmlSpan(link.Text, Url: link.Url)
                    : new HtmlSpan($"{link.Text}: {link.Url}"));
            }

            yield return new HtmlLine(spans);
        }

        if (!string.IsNullOrWhiteSpace(reply.Footer))
        {
            yield return HtmlLine.Empty;
            foreach (var text in SplitBreaks(reply.Footer))
            {
                yield return HtmlLine.Of(new HtmlSpan(text));
            }
        }
    }

    private static string[] SplitBreaks(string text) =>
        text.ReplaceLineEndings("\n").Split('\n');
}
