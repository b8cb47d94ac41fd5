namespace ReleaseBot.Telegram.Rendering;

/// <summary>A run of plain text with its formatting; rendered as escaped HTML.</summary>
public sealed record HtmlSpan(string Text, bool Bold = false, string? Url = null)
{
    public string ToHtml()
    {
        var html = TelegramHtml.Escape(Text);
        if (Bold)
        {
            html = $"<b>{html}</b>";
        }

        return TelegramHtml.IsLinkable(Url) ? $"<a href=\"{TelegramHtml.EscapeAttribute(Url!)}\">{html}</a>" : html;
    }
}
