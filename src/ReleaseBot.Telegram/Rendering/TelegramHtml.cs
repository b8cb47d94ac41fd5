using System.Text;

namespace ReleaseBot.Telegram.Rendering;

/// <summary>
/// Escaping for Telegram's HTML parse mode, which accepts only <c>&amp;lt; &amp;gt; &amp;amp; &amp;quot;</c>
/// and numeric entities (https://core.telegram.org/bots/api#html-style).
/// </summary>
public static class TelegramHtml
{
    /// <summary>Escapes text content: every <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c>.</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    /// <summary>Escapes an attribute value (an <c>href</c>): text escaping plus <c>"</c>.</summary>
    public static string EscapeAttribute(string value) => Escape(value).Replace("\"", "&quot;", StringComparison.Ordinal);

    /// <summary>True for links Telegram accepts in <c>&lt;a href&gt;</c>; anything else is shown as text.</summary>
    public static bool IsLinkable(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "tg";
}
