using System.Text;
using ReleaseBot.Core.Replies;

namespace ReleaseBot.ConsoleChat;

/// <summary>Plain text for a terminal: title, lines (with their links), fields, links, footer.</summary>
public static class ConsoleRenderer
{
    public static string Render(Reply reply)
    {
        var sb = new StringBuilder();
        var prefix = reply.Kind switch
        {
            ReplyKind.Announcement => "📣 ",
            ReplyKind.Digest => "🗞 ",
            ReplyKind.Error => "⚠ ",
            _ => string.Empty,
        };
        if (reply.Title is not null)
        {
            sb.Append(prefix).AppendLine(reply.Title);
            if (reply.TitleUrl is not null)
            {
                sb.Append("  ").AppendLine(reply.TitleUrl);
            }
        }
        else if (prefix.Length > 0 && reply.Lines.Count > 0)
        {
            sb.Append(prefix);
        }

        foreach (var line in reply.Lines)
        {
            sb.AppendLine(line.Url is null ? line.Text : $"{line.Text}  <{line.Url}>");
        }

        foreach (var field in reply.Fields)
        {
            sb.Append("  ").Append(field.Name).Append(": ").AppendLine(field.Value);
        }

        foreach (var link in reply.Links)
        {
            sb.Append("  ").Append(link.Text).Append(": ").AppendLine(link.Url);
        }

        if (reply.Footer is not null)
        {
            sb.AppendLine(reply.Footer);
        }

        return sb.ToString().TrimEnd();
    }
}
