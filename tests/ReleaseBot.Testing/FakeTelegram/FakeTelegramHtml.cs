using System.Globalization;
using System.Text;

namespace ReleaseBot.Testing.FakeTelegram;

/// <summary>
/// Telegram's HTML parse mode as the fake enforces it: only the documented tags, properly nested, only
/// <c>&amp;lt; &amp;gt; &amp;amp; &amp;quot;</c> and numeric entities, no bare <c>&lt;</c>, <c>&gt;</c> or <c>&amp;</c>
/// (https://core.telegram.org/bots/api#html-style). Returns the text a user sees.
/// </summary>
public static class FakeTelegramHtml
{
    private static readonly HashSet<string> Tags =
    [
        "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler",
        "a", "tg-emoji", "tg-time", "code", "pre", "blockquote",
    ];

    public static bool TryParse(string html, out string plainText, out string error)
    {
        var plain = new StringBuilder(html.Length);
        var open = new Stack<string>();
        plainText = string.Empty;
        for (var i = 0; i < html.Length; i++)
        {
            var c = html[i];
            if (c == '<')
            {
                var end = html.IndexOf('>', i);
                if (end < 0)
                {
                    error = $"Can't find end of the tag starting at byte offset {i}";
                    return false;
                }

                if (!TryTag(html[(i + 1)..end], open, out error))
                {
                    return false;
                }

                i = end;
            }
            else if (c == '&')
            {
                var end = html.IndexOf(';', i);
                if (end < 0 || end - i > 10 || !TryEntity(html[(i + 1)..end], out var decoded))
                {
                    error = $"Character entity expected at byte offset {i}";
                    return false;
                }

                plain.Append(decoded);
                i = end;
            }
            else if (c == '>')
            {
                error = $"Unexpected end of tag at byte offset {i}";
                return false;
            }
            else
            {
                plain.Append(c);
            }
        }

        if (open.Count > 0)
        {
            error = $"Can't find end tag corresponding to start tag \"{open.Peek()}\"";
            return false;
        }

        plainText = plain.ToString();
        error = string.Empty;
        return true;
    }

    private static bool TryTag(string body, Stack<string> open, out string error)
    {
        error = string.Empty;
        if (body.StartsWith('/'))
        {
            var closing = body[1..].Trim().ToLowerInvariant();
            if (open.Count == 0 || open.Peek() != closing)
            {
                error = $"Unmatched end tag \"{closing}\"";
                return false;
            }

            open.Pop();
            return true;
        }

        var nameEnd = body.IndexOfAny([' ', '\t', '\n']);
        var name = (nameEnd < 0 ? body : body[..nameEnd]).ToLowerInvariant();
        var attributes = nameEnd < 0 ? string.Empty : body[nameEnd..];
        if (!Tags.Contains(name))
        {
            error = $"Unsupported start tag \"{name}\"";
            return false;
        }

        if (name == "a" && !attributes.Contains("href=\"", StringComparison.Ordinal))
        {
            error = "Tag \"a\" must have attribute \"href\"";
            return false;
        }

        if (name == "span" && !attributes.Contains("tg-spoiler", StringComparison.Ordinal))
        {
            error = "Tag \"span\" must have class \"tg-spoiler\"";
            return false;
        }

        open.Push(name);
        return true;
    }

    private static bool TryEntity(string name, out string decoded)
    {
        decoded = name switch
        {
            "lt" => "<",
            "gt" => ">",
            "amp" => "&",
            "quot" => "\"",
            _ => string.Empty,
        };
        if (decoded.Length > 0)
        {
            return true;
        }

        if (name.StartsWith('#'))
        {
            var isHex = name.Length > 1 && name[1] is 'x' or 'X';
            var digits = isHex ? name[2..] : name[1..];
            if (int.TryParse(digits, isHex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code)
                && code is > 0 and <= 0x10FFFF)
            {
                decoded = char.ConvertFromUtf32(code);
                return true;
            }
        }

        return false;
    }
}
