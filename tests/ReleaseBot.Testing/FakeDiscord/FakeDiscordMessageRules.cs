using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>
/// Create Message and interaction-response limits (reference/discord.md §6): content ≤ 2000, ≤ 10 embeds, per-field
/// limits, 6000 characters over all embeds, nonce ≤ 25. Lengths are UTF-16 units of the untrimmed text, which is
/// never less than what Discord counts after trimming, so the fake is at least as strict.
/// </summary>
internal static class FakeDiscordMessageRules
{
    public const int MessageFlags = 4 | 4096 | 8192 | 32768;
    public const int ResponseFlags = MessageFlags | 64;

    public static void Validate(JsonObject body, FakeDiscordFormErrors errors, int allowedFlags)
    {
        if (Text(body, "content", errors, "content") is { Length: > 2000 })
        {
            errors.MaxLength("content", 2000);
        }

        if (body["nonce"] is JsonValue nonce && nonce.ToString().Length > 25)
        {
            errors.MaxLength("nonce", 25);
        }

        if (body["flags"] is JsonValue flagsValue && (!flagsValue.TryGetValue<int>(out var flags) || (flags & ~allowedFlags) != 0))
        {
            errors.Add("flags", "BASE_TYPE_CHOICES", "Invalid flags.");
        }

        if (body["allowed_mentions"] is JsonObject { } mentions && mentions["parse"] is JsonArray parse
            && parse.Any(p => p?.ToString() is not ("users" or "roles" or "everyone")))
        {
            errors.Add("allowed_mentions.parse", "BASE_TYPE_CHOICES", "Value must be one of ('users', 'roles', 'everyone').");
        }

        switch (body["embeds"])
        {
            case null:
                break;
            case JsonArray embeds:
                ValidateEmbeds(embeds, errors);
                break;
            default:
                errors.Add("embeds", "BASE_TYPE_ARRAY", "Must be an array.");
                break;
        }
    }

    /// <summary>Nothing a user could see: no content, no embeds, no components, stickers, files or poll.</summary>
    public static bool IsEmpty(JsonObject body) =>
        string.IsNullOrEmpty(body["content"] is JsonValue c ? c.ToString() : null)
        && body["embeds"] is null or JsonArray { Count: 0 }
        && body["components"] is null or JsonArray { Count: 0 }
        && body["sticker_ids"] is null or JsonArray { Count: 0 }
        && body["attachments"] is null or JsonArray { Count: 0 }
        && body["poll"] is null;

    private static void ValidateEmbeds(JsonArray embeds, FakeDiscordFormErrors errors)
    {
        if (embeds.Count > 10)
        {
            errors.MaxLength("embeds", 10);
        }

        var total = 0;
        for (var i = 0; i < embeds.Count; i++)
        {
            var at = $"embeds.{i}";
            if (embeds[i] is not JsonObject embed)
            {
                errors.Add(at, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
                continue;
            }

            total += Limit(embed, "title", 256, errors, at);
            total += Limit(embed, "description", 4096, errors, at);
            if (embed["footer"] is JsonObject footer)
            {
                total += Limit(footer, "text", 2048, errors, $"{at}.footer", required: true);
            }

            if (embed["author"] is JsonObject author)
            {
                total += Limit(author, "name", 256, errors, $"{at}.author", required: true);
            }

            if (embed["color"] is JsonValue color && (!color.TryGetValue<int>(out var rgb) || rgb is < 0 or > 0xFFFFFF))
            {
                errors.Add($"{at}.color", "NUMBER_TYPE_MAX", "int value should be less than or equal to 16777215.");
            }

            if (embed["timestamp"] is JsonValue stamp && !DateTimeOffset.TryParse(stamp.ToString(), System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                errors.Add($"{at}.timestamp", "DATE_TIME_TYPE_PARSE", "Could not parse the timestamp. Should be ISO8601.");
            }

            if (embed["fields"] is JsonArray fields)
            {
                if (fields.Count > 25)
                {
                    errors.MaxLength($"{at}.fields", 25);
                }

                for (var f = 0; f < fields.Count; f++)
                {
                    var field = fields[f] as JsonObject ?? [];
                    total += Limit(field, "name", 256, errors, $"{at}.fields.{f}", required: true);
                    total += Limit(field, "value", 1024, errors, $"{at}.fields.{f}", required: true);
                }
            }
        }

        if (total > 6000)
        {
            errors.Add("embeds", "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000");
        }
    }

    private static int Limit(JsonObject owner, string name, int max, FakeDiscordFormErrors errors, string at, bool required = false)
    {
        var path = $"{at}.{name}";
        var text = Text(owner, name, errors, path);
        if (required && string.IsNullOrWhiteSpace(text))
        {
            errors.Required(path);
        }
        else if (text is { } value && value.Length > max)
        {
            errors.MaxLength(path, max);
        }

        return text?.Length ?? 0;
    }

    private static string? Text(JsonObject owner, string name, FakeDiscordFormErrors errors, string path)
    {
        var node = owner[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return value.GetValue<string>();
        }

        errors.Add(path, "BASE_TYPE_STRING", "Must be a string.");
        return null;
    }
}
