using System.Globalization;
using System.Text.RegularExpressions;

namespace ReleaseBot.Core.Ingest;

/// <summary>
/// Parameter counts read from a repo name (<c>Qwen3-235B-A22B</c> → 235B total, 22B active).
/// Only a fallback: safetensors counts are exact, names are what the vendor chose to write.
/// </summary>
public static partial class ParameterEstimate
{
    public static long? TotalFromName(string name) => Parse(TotalPattern().Match(name));

    public static long? ActiveFromName(string name) => Parse(ActivePattern().Match(name));

    private static long? Parse(Match match)
    {
        if (!match.Success ||
            !double.TryParse(match.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var unit = char.ToUpperInvariant(match.Groups["u"].Value[0]) switch
        {
            'T' => 1e12,
            'B' => 1e9,
            _ => 1e6,
        };
        return (long)Math.Round(value * unit);
    }

    // "235B", "0.6B", "270M", "1T" as a whole dash/underscore-separated token; "A22B" is not a total.
    [GeneratedRegex(@"(?<![^-_/.\s])(?<n>\d+(?:\.\d+)?)(?<u>[BbMmT])(?![^-_/.\s])", RegexOptions.CultureInvariant)]
    private static partial Regex TotalPattern();

    [GeneratedRegex(@"(?<![^-_/.\s])A(?<n>\d+(?:\.\d+)?)(?<u>[BbMm])(?![^-_/.\s])", RegexOptions.CultureInvariant)]
    private static partial Regex ActivePattern();
}
