using System.Text.Json;
using ReleaseBot.Discord.Rendering;

namespace ReleaseBot.Tests.Discord;

/// <summary>Every Create Message limit Discord enforces, checked on the JSON that would go on the wire.</summary>
internal static class DiscordPayloadAssert
{
    public static void WithinLimits(DiscordMessagePayload payload)
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(payload));
        var root = json.RootElement;
        Assert.Equal(0, root.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        var content = root.TryGetProperty("content", out var c) ? c.GetString() ?? string.Empty : string.Empty;
        Assert.True(content.Length <= DiscordLimits.Content, $"content {content.Length}");
        var embeds = root.TryGetProperty("embeds", out var e) ? e.EnumerateArray().ToList() : [];
        Assert.True(content.Trim().Length > 0 || embeds.Count > 0, "empty message");
        Assert.True(embeds.Count <= DiscordLimits.EmbedsPerMessage);
        var total = 0;
        foreach (var embed in embeds)
        {
            total += Text(embed, "title", DiscordLimits.EmbedTitle) + Text(embed, "description", DiscordLimits.EmbedDescription);
            if (embed.TryGetProperty("footer", out var footer))
            {
                total += Text(footer, "text", DiscordLimits.FooterText);
            }

            if (embed.TryGetProperty("fields", out var fields))
            {
                Assert.True(fields.GetArrayLength() <= DiscordLimits.EmbedFields);
                foreach (var field in fields.EnumerateArray())
                {
                    var name = Text(field, "name", DiscordLimits.FieldName);
                    var value = Text(field, "value", DiscordLimits.FieldValue);
                    Assert.True(name > 0 && value > 0, "empty field");
                    total += name + value;
                }
            }
        }

        Assert.True(total <= DiscordLimits.EmbedTotal, $"embed total {total}");
        if (root.TryGetProperty("nonce", out var nonce))
        {
            Assert.InRange(nonce.GetString()!.Length, 1, DiscordLimits.Nonce);
        }
    }

    /// <summary>All text of a payload that Discord would render, for "nothing pings" checks.</summary>
    public static IEnumerable<string> Texts(DiscordMessagePayload payload)
    {
        if (payload.Content is { } content)
        {
            yield return content;
        }

        foreach (var embed in payload.Embeds ?? [])
        {
            foreach (var text in new[] { embed.Title, embed.Description, embed.Footer?.Text }.OfType<string>())
            {
                yield return text;
            }

            foreach (var field in embed.Fields ?? [])
            {
                yield return field.Name;
                yield return field.Value;
            }
        }
    }

    private static int Text(JsonElement element, string name, int max)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return 0;
        }

        var text = value.GetString() ?? string.Empty;
        Assert.True(text.Trim().Length <= max, $"{name} {text.Length} > {max}");
        return text.Trim().Length;
    }
}
