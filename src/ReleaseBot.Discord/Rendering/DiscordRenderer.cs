using ReleaseBot.Core.Replies;

namespace ReleaseBot.Discord.Rendering;

/// <summary>
/// Turns the platform-neutral <see cref="Reply"/> into Create Message bodies within every Discord limit. A short
/// plain answer becomes content; anything with a title, fields or links becomes embeds (announcements with the
/// vendor's colour and the title linking the model page). Long replies continue in further messages, in order.
/// All reply text is untrusted: it is escaped by <see cref="DiscordMarkdown"/>, and no message may ping anyone.
/// </summary>
public static class DiscordRenderer
{
    private const int LinkMax = 600;
    private const string LinkSeparator = " · ";

    /// <summary>The messages of one reply, in order; empty when the reply holds no text at all.</summary>
    public static IReadOnlyList<DiscordMessagePayload> Render(Reply reply) =>
        IsPlain(reply) ? RenderContent(reply) : RenderEmbeds(reply);

    /// <summary>As <see cref="Render"/>, each part with the stable nonce of (delivery, part) enforced.</summary>
    public static IReadOnlyList<DiscordMessagePayload> RenderForDelivery(Reply reply, string deliveryId) =>
        [.. Render(reply).Select((payload, index) => payload with { Nonce = DiscordNonce.For(deliveryId, index), EnforceNonce = true })];

    private static bool IsPlain(Reply reply) =>
        string.IsNullOrWhiteSpace(reply.Title) && reply.Fields.Count == 0 && reply.Links.Count == 0
        && reply.Kind is not (ReplyKind.Announcement or ReplyKind.Digest or ReplyKind.List);

    private static List<DiscordMessagePayload> RenderContent(Reply reply)
    {
        var lines = reply.Lines.SelectMany(l => Lines(l, DiscordLimits.Content)).ToList();
        if (!string.IsNullOrWhiteSpace(reply.Footer))
        {
            lines.AddRange(Breaks(reply.Footer).Select(f => DiscordMarkdown.Escape(f, DiscordLimits.Content)));
        }

        var messages = new List<DiscordMessagePayload>();
        var chunk = new List<string>();
        var length = 0;
        foreach (var line in lines.Where(l => l.Length > 0))
        {
            if (chunk.Count > 0 && length + 1 + line.Length > DiscordLimits.Content)
            {
                messages.Add(Content(chunk));
                chunk.Clear();
                length = 0;
            }

            length += (chunk.Count > 0 ? 1 : 0) + line.Length;
            chunk.Add(line);
        }

        if (chunk.Count > 0)
        {
            messages.Add(Content(chunk));
        }

        return messages;
    }

    private static DiscordMessagePayload Content(List<string> lines) =>
        new() { Content = string.Join('\n', lines), Flags = DiscordLimits.SuppressEmbedsFlag };

    private static IReadOnlyList<DiscordMessagePayload> RenderEmbeds(Reply reply)
    {
        var packer = new EmbedPacker(DiscordColors.For(reply));
        packer.Title(DiscordMarkdown.Escape(reply.Title, DiscordLimits.EmbedTitle), DiscordMarkdown.SafeUrl(reply.TitleUrl));
        foreach (var line in reply.Lines.SelectMany(l => Lines(l, DiscordLimits.EmbedDescription)).Where(l => l.Length > 0))
        {
            packer.Line(line);
        }

        foreach (var line in LinkLines(reply.Links))
        {
            packer.Line(line);
        }

        foreach (var field in reply.Fields)
        {
            packer.Field(new DiscordEmbedField(
                NonEmpty(DiscordMarkdown.Escape(field.Name, DiscordLimits.FieldName)),
                NonEmpty(DiscordMarkdown.Escape(field.Value, DiscordLimits.FieldValue)),
                field.Inline));
        }

        if (!string.IsNullOrWhiteSpace(reply.Footer))
        {
            packer.Footer(DiscordMarkdown.Plain(reply.Footer, DiscordLimits.FooterText), DiscordMarkdown.Escape(reply.Footer, DiscordLimits.EmbedDescription));
        }

        return packer.Finish();
    }

    /// <summary>One rendered line per line break of the reply line, each within <paramref name="max"/>.</summary>
    private static IEnumerable<string> Lines(ReplyLine line, int max)
    {
        var wrap = line.Bold ? 4 : 0;
        foreach (var text in Breaks(line.Text))
        {
            var body = line.Url is null ? DiscordMarkdown.Escape(text, max - wrap) : DiscordMarkdown.Link(text, line.Url, max - wrap);
            yield return line.Bold && body.Length > 0 ? $"**{body}**" : body;
        }
    }

    // All links on one line when they fit, else one per line.
    private static IEnumerable<string> LinkLines(IReadOnlyList<ReplyLink> links)
    {
        var rendered = links.Select(l => DiscordMarkdown.Link(l.Text, l.Url, LinkMax)).Where(l => l.Length > 0).ToList();
        var joined = string.Join(LinkSeparator, rendered);
        return joined.Length == 0 ? [] : joined.Length <= DiscordLimits.EmbedDescription ? [joined] : rendered;
    }

    private static string[] Breaks(string text) => text.ReplaceLineEndings("\n").Split('\n');

    // Discord refuses an empty field name or value.
    private static string NonEmpty(string text) => text.Length > 0 ? text : "\u2014";
}
