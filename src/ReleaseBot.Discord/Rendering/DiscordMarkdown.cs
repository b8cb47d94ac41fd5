using System.Globalization;
using System.Text;

namespace ReleaseBot.Discord.Rendering;

/// <summary>
/// Makes untrusted text (model names, titles, descriptions) safe to show: invisible and direction-changing characters
/// removed, Discord markdown escaped, and every <c>@</c> broken by a zero-width joiner so that <c>@everyone</c>,
/// <c>@here</c> and <c>&lt;@id&gt;</c> can neither ping nor render as a mention even if allowed_mentions were lost.
/// Text is cut to a limit on whole characters (never inside an escape or a surrogate pair) and marked with "…".
/// </summary>
public static class DiscordMarkdown
{
    public const char Ellipsis = '…';
    private const char ZeroWidthJoiner = '\u200D';

    // Inline markup: bold/italic, underline, strike, code, spoiler, masked links, mentions/emoji/timestamps.
    private const string InlineSpecials = "\\*_~`|[]()<";

    // Markup that only counts at the start of a line: headers, subtext, lists, quotes.
    private const string LineStartSpecials = "#->+";

    /// <summary>Escaped markdown text of at most <paramref name="max"/> characters, on one line.</summary>
    public static string Escape(string? text, int max) => Fit(Flatten(text), max, escape: true);

    /// <summary>Text for places Discord shows verbatim (footer, author): cleaned and cut, not escaped.</summary>
    public static string Plain(string? text, int max) => Fit(Flatten(text), max, escape: false);

    /// <summary>A masked link <c>[text](url)</c> within <paramref name="max"/>, or the escaped text alone when the URL is unusable.</summary>
    public static string Link(string? text, string? url, int max)
    {
        if (SafeUrl(url) is not { } safe || safe.Length + 4 + 1 > max)
        {
            return Escape(text, max);
        }

        var label = Escape(text, max - safe.Length - 4);
        return label.Length == 0 ? Escape(text, max) : $"[{label}]({safe})";
    }

    /// <summary>An absolute http(s) URL with the characters that would end a masked link encoded; null otherwise.</summary>
    public static string? SafeUrl(string? url)
    {
        if (url is null || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var text = uri.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)
            .Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal);
        return text.Length <= 512 ? text : null;
    }

    /// <summary>
    /// Removes control characters, bidirectional overrides and marks, zero-width characters and lone surrogates,
    /// and turns line breaks and tabs into spaces.
    /// </summary>
    public static string Flatten(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is '\n' or '\r' or '\t')
            {
                sb.Append(' ');
            }
            else if (!IsInvisible(rune))
            {
                sb.Append(rune.ToString());
            }
        }

        return sb.ToString().Trim();
    }

    // Format covers zero-width characters, bidi marks, overrides and isolates (U+200B–U+200F, U+202A–U+202E, U+2066–U+2069).
    private static bool IsInvisible(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse;

    private static string Fit(string text, int max, bool escape)
    {
        if (max <= 0)
        {
            return string.Empty;
        }

        var sb = new StringBuilder(Math.Min(text.Length * 2, max));
        var index = 0;
        var lineStart = true;
        foreach (var rune in text.EnumerateRunes())
        {
            var piece = Piece(rune, text, index, lineStart, escape);
            index += rune.Utf16SequenceLength;
            lineStart = lineStart && rune.Value == ' ';
            if (sb.Length + piece.Length > max - (index < text.Length ? 1 : 0))
            {
                return sb.ToString().TrimEnd() + Ellipsis;
            }

            sb.Append(piece);
        }

        return sb.ToString();
    }

    private static string Piece(Rune rune, string text, int index, bool lineStart, bool escape)
    {
        var value = rune.Value;
        if (value == '@')
        {
            return "@" + ZeroWidthJoiner;
        }

        if (!escape || value > 0x7F)
        {
            return rune.ToString();
        }

        var c = (char)value;
        if (InlineSpecials.Contains(c, StringComparison.Ordinal) || (lineStart && LineStartSpecials.Contains(c, StringComparison.Ordinal)))
        {
            return "\\" + c;
        }

        // "1. item" at the start of a line is an ordered list.
        if (c == '.' && index > 0 && IsLeadingNumber(text, index))
        {
            return "\\.";
        }

        return c.ToString();
    }

    private static bool IsLeadingNumber(string text, int dot)
    {
        var start = 0;
        while (start < dot && text[start] == ' ')
        {
            start++;
        }

        return start < dot && !text.AsSpan(start, dot - start).ContainsAnyExceptInRange('0', '9');
    }
}
