using System.Text.Json;

namespace ReleaseBot.Core.Seed;

/// <summary>Reads a seed file with System.Text.Json, turning its errors into <see cref="SeedFormatException"/>.</summary>
internal static class SeedJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // A misspelt field would otherwise be dropped silently and the fact lost.
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
    };

    /// <summary>The reader settings matching <see cref="Options"/>, for files read a token at a time.</summary>
    public static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static T Deserialize<T>(ReadOnlyMemory<byte> utf8, string file)
        where T : class
    {
        var span = utf8.Span;
        // Editors on Windows like to add a byte order mark; Utf8JsonReader rejects it.
        if (span.StartsWith("\uFEFF"u8))
        {
            span = span[3..];
        }

        try
        {
            return JsonSerializer.Deserialize<T>(span, Options)
                ?? throw new SeedFormatException(file, ["$: the file holds JSON null"]);
        }
        catch (JsonException e)
        {
            throw Error(file, "$", e);
        }
    }

    /// <summary>The error of <paramref name="file"/>, naming the path (<paramref name="at"/> + the exception's own) and line.</summary>
    public static SeedFormatException Error(string file, string at, JsonException e)
    {
        var where = e.Path is { Length: > 1 } path ? at + path[1..] : at;
        var line = e.LineNumber is { } l ? $" (line {l + 1})" : "";
        return new SeedFormatException(file, [$"{where}{line}: {FirstSentence(e.Message)}"], e);
    }

    // System.Text.Json appends "Path: … | LineNumber: …" which the line above already says.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
