using System.Text.RegularExpressions;

namespace ReleaseBot.Core.Domain;

/// <summary>
/// The one rule of <c>/watch</c> patterns: <c>owner/name</c> globs with <c>*</c> (any run) and <c>?</c> (one
/// character), case-insensitive, surrounding spaces ignored. <c>/watch</c> checks a pattern with it and ingest matches with it.
/// </summary>
public static partial class WatchGlob
{
    public const int MaxLength = 96;

    /// <summary>Fewer literal characters than this would match half the Hub (<c>*/*</c>, <c>a*/*</c>).</summary>
    public const int MinLiterals = 3;

    public static bool IsValid(string pattern)
    {
        var trimmed = pattern.Trim();
        return trimmed.Length <= MaxLength && Shape().IsMatch(trimmed);
    }

    public static bool IsTooBroad(string pattern) =>
        pattern.Count(char.IsAsciiLetterOrDigit) < MinLiterals;

    public static bool IsMatch(string pattern, RepoId repoId)
    {
        var regex = "^" + Regex.Escape(pattern.Trim()).Replace(@"\*", ".*", StringComparison.Ordinal)
            .Replace(@"\?", ".", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(repoId.ToString(), regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }

    [GeneratedRegex(@"^[A-Za-z0-9._*?-]+/[A-Za-z0-9._*?-]+$")]
    private static partial Regex Shape();
}
