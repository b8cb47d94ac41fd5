using System.Text.RegularExpressions;

namespace ReleaseBot.Core.Commands;

/// <summary>Watch patterns on repo ids: <c>owner/name</c> with <c>*</c> and <c>?</c>, case-insensitive.</summary>
public static partial class WatchGlob
{
    public const int MaxLength = 96;

    /// <summary>Fewer literal characters than this would match half the Hub (<c>*/*</c>, <c>a*/*</c>).</summary>
    public const int MinLiterals = 3;

    public static bool IsValid(string pattern) =>
        pattern.Length <= MaxLength && Shape().IsMatch(pattern);

    public static bool IsTooBroad(string pattern) =>
        pattern.Count(char.IsAsciiLetterOrDigit) < MinLiterals;

    public static bool IsMatch(string pattern, string repoId)
    {
        var regex = "^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(repoId, regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }

    [GeneratedRegex(@"^[A-Za-z0-9._*?-]+/[A-Za-z0-9._*?-]+$")]
    private static partial Regex Shape();
}
