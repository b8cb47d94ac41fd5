using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>Application command limits (reference/discord.md §5): names, descriptions, ≤ 25 options and choices, order, size.</summary>
internal static partial class FakeDiscordCommandRules
{
    public static void Validate(JsonArray commands, FakeDiscordFormErrors errors)
    {
        if (commands.OfType<JsonObject>().Count(c => (Int(c, "type") ?? 1) == 1) > 100)
        {
            errors.MaxLength(string.Empty, 100);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < commands.Count; i++)
        {
            var at = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (commands[i] is not JsonObject command)
            {
                errors.Add(at, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
                continue;
            }

            var type = Int(command, "type") ?? 1;
            if (type is < 1 or > 4)
            {
                errors.Add($"{at}.type", "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3, 4}.");
            }

            Name(command, $"{at}.name", errors, lowercase: type == 1);
            if (type == 1)
            {
                Description(command, $"{at}.description", errors);
            }
            else if (!string.IsNullOrEmpty(Str(command, "description")))
            {
                errors.Add($"{at}.description", "APPLICATION_COMMAND_INVALID_DESCRIPTION", "Description must be empty for this command type.");
            }

            if (command["default_member_permissions"] is JsonValue permissions
                && (permissions.GetValueKind() != JsonValueKind.String || !ulong.TryParse(permissions.GetValue<string>(), out _)))
            {
                errors.Add($"{at}.default_member_permissions", "BASE_TYPE_STRING", "Must be a string of a permission bit set.");
            }

            if (!names.Add($"{type}:{Str(command, "name")}"))
            {
                errors.Add(string.Empty, "APPLICATION_COMMANDS_DUPLICATE_NAME", $"Application command names must be unique: {Str(command, "name")}");
            }

            Options(command["options"], $"{at}.options", errors, depth: 0);
            if (Size(command) > 8000)
            {
                errors.Add(at, "APPLICATION_COMMAND_TOO_LARGE", "Command exceeds maximum size (8000)");
            }
        }
    }

    private static void Options(JsonNode? node, string at, FakeDiscordFormErrors errors, int depth)
    {
        if (node is not JsonArray options)
        {
            return;
        }

        if (options.Count > 25)
        {
            errors.MaxLength(at, 25);
        }

        var seenOptional = false;
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Count; i++)
        {
            var path = $"{at}.{i}";
            var option = options[i] as JsonObject ?? [];
            var type = Int(option, "type") ?? 0;
            if (type is < 1 or > 11 || (type is 1 or 2 && depth >= 2) || (type == 2 && depth >= 1))
            {
                errors.Add($"{path}.type", "BASE_TYPE_CHOICES", "Invalid option type at this depth.");
            }

            Name(option, $"{path}.name", errors, lowercase: true);
            Description(option, $"{path}.description", errors);
            if (!names.Add(Str(option, "name") ?? string.Empty))
            {
                errors.Add($"{path}.name", "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS", "Option names must be unique");
            }

            var required = option["required"] is JsonValue r && r.TryGetValue<bool>(out var value) && value;
            if (required && seenOptional)
            {
                errors.Add(at, "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", "Required options must be placed before non-required options");
            }

            seenOptional |= !required && type is not (1 or 2);
            Choices(option, type, path, errors);
            foreach (var bound in new[] { "min_length", "max_length" })
            {
                if (Int(option, bound) is { } length && length is < 0 or > 6000)
                {
                    errors.Add($"{path}.{bound}", "NUMBER_TYPE_MAX", "Must be between 0 and 6000.");
                }
            }

            Options(option["options"], $"{path}.options", errors, depth + 1);
        }
    }

    private static void Choices(JsonObject option, int type, string path, FakeDiscordFormErrors errors)
    {
        var autocomplete = option["autocomplete"] is JsonValue a && a.TryGetValue<bool>(out var on) && on;
        if (autocomplete && type is not (3 or 4 or 10))
        {
            errors.Add($"{path}.autocomplete", "APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_INVALID", "Autocomplete is only for STRING, INTEGER and NUMBER options");
        }

        if (option["choices"] is not JsonArray { Count: > 0 } choices)
        {
            return;
        }

        if (autocomplete)
        {
            errors.Add($"{path}.autocomplete", "APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_WITH_CHOICES", "Autocomplete cannot be set with choices");
        }

        if (choices.Count > 25)
        {
            errors.MaxLength($"{path}.choices", 25);
        }

        for (var c = 0; c < choices.Count; c++)
        {
            var choice = choices[c] as JsonObject ?? [];
            if ((Str(choice, "name")?.Length ?? 0) is < 1 or > 100)
            {
                errors.BadRange($"{path}.choices.{c}.name", 1, 100);
            }

            if (choice["value"] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length > 100)
            {
                errors.MaxLength($"{path}.choices.{c}.value", 100);
            }
        }
    }

    private static void Name(JsonObject owner, string path, FakeDiscordFormErrors errors, bool lowercase)
    {
        var name = Str(owner, "name");
        if (name is null || !NamePattern().IsMatch(name) || (lowercase && name != name.ToLowerInvariant()))
        {
            errors.Add(path, "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
        }
    }

    private static void Description(JsonObject owner, string path, FakeDiscordFormErrors errors)
    {
        if ((Str(owner, "description")?.Length ?? 0) is < 1 or > 100)
        {
            errors.BadRange(path, 1, 100);
        }
    }

    private static int Size(JsonNode? node) => node switch
    {
        JsonObject o => o.Where(p => p.Key is "name" or "description" or "value" or "options" or "choices").Sum(p => Size(p.Value)),
        JsonArray a => a.Sum(Size),
        JsonValue v => v.ToString().Length,
        _ => 0,
    };

    private static string? Str(JsonObject owner, string name) =>
        owner[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static int? Int(JsonObject owner, string name) =>
        owner[name] is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;

    [GeneratedRegex(@"^[-_'\p{L}\p{N}\p{IsDevanagari}\p{IsThai}]{1,32}$")]
    private static partial Regex NamePattern();
}
