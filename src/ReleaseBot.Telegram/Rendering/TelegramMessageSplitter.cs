using System.Text;

namespace ReleaseBot.Telegram.Rendering;

/// <summary>
/// Packs lines into messages of at most <c>maxLength</c> visible characters, breaking only between
/// lines; a single line longer than that is cut between characters (never inside a surrogate pair or a tag).
/// </summary>
public static class TelegramMessageSplitter
{
    /// <summary>Telegram's limit for <c>text</c> "after entities parsing".</summary>
    public const int MaxMessageLength = 4096;

    public static IReadOnlyList<string> Split(IEnumerable<HtmlLine> lines, int maxLength = MaxMessageLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var messages = new List<string>();
        var current = new StringBuilder();
        var currentLength = 0;

        foreach (var piece in lines.SelectMany(l => CutToFit(l, maxLength)))
        {
            // A line costs its text plus the '\n' that joins it to the previous one.
            var cost = piece.VisibleLength + (current.Length > 0 ? 1 : 0);
            if (current.Length > 0 && currentLength + cost > maxLength)
            {
                Flush();
                cost = piece.VisibleLength;
            }

            if (current.Length > 0)
            {
                current.Append('\n');
            }

            current.Append(piece.ToHtml());
            currentLength += cost;
        }

        Flush();
        return messages;

        void Flush()
        {
            var text = current.ToString().Trim('\n');
            if (text.Length > 0)
            {
                messages.Add(text);
            }

            current.Clear();
            currentLength = 0;
        }
    }

    /// <summary>Cuts one over-long line into lines that fit, keeping each span's formatting.</summary>
    private static IEnumerable<HtmlLine> CutToFit(HtmlLine line, int maxLength)
    {
        if (line.VisibleLength <= maxLength)
        {
            yield return line;
            yield break;
        }

        var spans = new List<HtmlSpan>();
        var length = 0;
        foreach (var span in line.Spans)
        {
            var rest = span.Text;
            while (rest.Length > 0)
            {
                var room = maxLength - length;
                var take = Math.Min(room, rest.Length);
                if (take < rest.Length && take > 0 && char.IsHighSurrogate(rest[take - 1]))
                {
                    take--;
                }

                if (take > 0)
                {
                    spans.Add(span with { Text = rest[..take] });
                    length += take;
                    rest = rest[take..];
                }

                if (rest.Length > 0)
                {
                    yield return new HtmlLine(spans.ToArray());
                    spans.Clear();
                    length = 0;
                }
            }
        }

        if (spans.Count > 0)
        {
            yield return new HtmlLine(spans.ToArray());
        }
    }
}
