using System.Text.RegularExpressions;

namespace ReleaseBot.Core.Ingest;

/// <summary>Repo id globs for <c>/watch</c>: <c>*</c> any run, <c>?</c> one character, case-insensitive.</summary>
public static class WatchGlob
{
    public static bool IsMatch(string pattern, string repoId)
    {
        var regex = "^" + Regex.Escape(pattern.Trim()).Replace(@"\*", ".*", StringComparison.Ordinal)
            .Replace(@"\?", ".", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(repoId, regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }
}
