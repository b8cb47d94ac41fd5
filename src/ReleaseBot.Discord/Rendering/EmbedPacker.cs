using System.Text;

namespace ReleaseBot.Discord.Rendering;

/// <summary>
/// Fills embeds in reading order (title, description lines, fields, footer) and starts the next message when the
/// next piece would break a limit: description 4096, 25 fields, 6000 counted characters per message. Each message
/// holds one embed, so the 10-embed cap never binds. Every piece handed in already fits an empty embed.
/// </summary>
internal sealed class EmbedPacker(int color)
{
    private readonly List<DiscordMessagePayload> _messages = [];
    private readonly StringBuilder _description = new();
    private readonly List<DiscordEmbedField> _fields = [];
    private string? _title;
    private string? _url;
    private string? _footer;

    private int Total => (_title?.Length ?? 0) + _description.Length + (_footer?.Length ?? 0) + _fields.Sum(f => f.Name.Length + f.Value.Length);

    public void Title(string title, string? url)
    {
        _title = title.Length > 0 ? title : null;
        _url = _title is null ? null : url;
    }

    public void Line(string line)
    {
        var need = (_description.Length > 0 ? 1 : 0) + line.Length;
        // A line after fields goes below them, in the next embed, so the reading order stays the reply's.
        if (_fields.Count > 0 || _description.Length + need > DiscordLimits.EmbedDescription || Total + need > DiscordLimits.EmbedTotal)
        {
            Flush();
        }

        if (_description.Length > 0)
        {
            _description.Append('\n');
        }

        _description.Append(line);
    }

    public void Field(DiscordEmbedField field)
    {
        if (_fields.Count == DiscordLimits.EmbedFields || Total + field.Name.Length + field.Value.Length > DiscordLimits.EmbedTotal)
        {
            Flush();
        }

        _fields.Add(field);
    }

    /// <summary>The footer of the last embed; when it no longer fits there, it becomes the text of one more.</summary>
    public void Footer(string footer, string asLine)
    {
        if (Total + footer.Length > DiscordLimits.EmbedTotal)
        {
            Flush();
            Line(asLine);
            return;
        }

        _footer = footer;
    }

    public IReadOnlyList<DiscordMessagePayload> Finish()
    {
        Flush();
        return _messages;
    }

    private void Flush()
    {
        if (_title is null && _description.Length == 0 && _fields.Count == 0 && _footer is null)
        {
            return;
        }

        var embed = new DiscordEmbed
        {
            Title = _title,
            Url = _url,
            Description = _description.Length > 0 ? _description.ToString() : null,
            Color = color,
            Fields = _fields.Count > 0 ? [.. _fields] : null,
            Footer = _footer is null ? null : new DiscordEmbedFooter(_footer),
        };
        _messages.Add(new DiscordMessagePayload { Embeds = [embed] });
        (_title, _url, _footer) = (null, null, null);
        _description.Clear();
        _fields.Clear();
    }
}
