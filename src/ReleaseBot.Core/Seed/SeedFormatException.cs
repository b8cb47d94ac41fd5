namespace ReleaseBot.Core.Seed;

/// <summary>A bundled seed file is malformed; the message names the file and every bad field.</summary>
public sealed class SeedFormatException : Exception
{
    public SeedFormatException()
    {
    }

    public SeedFormatException(string message)
        : base(message)
    {
    }

    public SeedFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SeedFormatException(string file, IReadOnlyList<string> errors, Exception? innerException = null)
        : base(Describe(file, errors), innerException)
    {
        File = file;
        Errors = errors;
    }

    /// <summary>The file's name as given to the parser, e.g. <c>config/releases.seed.json</c>.</summary>
    public string? File { get; }

    /// <summary>One line per problem, each starting with the field path, e.g. <c>releases[3].modality: …</c>.</summary>
    public IReadOnlyList<string> Errors { get; } = [];

    private static string Describe(string file, IReadOnlyList<string> errors)
    {
        const int Shown = 20;
        var lines = errors.Take(Shown).Select(e => $"  {file}: {e}");
        var more = errors.Count > Shown ? $"{Environment.NewLine}  … and {errors.Count - Shown} more" : "";
        return $"Seed file {file} is invalid ({errors.Count} problem(s)):{Environment.NewLine}"
            + string.Join(Environment.NewLine, lines) + more;
    }
}
