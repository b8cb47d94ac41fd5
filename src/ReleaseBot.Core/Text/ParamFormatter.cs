using System.Globalization;
using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Text;

/// <summary>Parameter counts as people write them: 235B, 1T, 30.5B, 0.6B; "≈" before a figure that is a guess.</summary>
public static class ParamFormatter
{
    private const double Billion = 1_000_000_000d;
    private const double Trillion = 1_000_000_000_000d;

    public static string Format(long parameters)
    {
        if (parameters >= Trillion)
        {
            return Short(parameters / Trillion) + "T";
        }

        if (parameters >= Billion / 10)
        {
            return Short(parameters / Billion) + "B";
        }

        return Short(parameters / 1_000_000d) + "M";
    }

    /// <summary>"235B total / 22B active", "8B", or null when nothing is known; "≈" marks only the figure that is a guess.</summary>
    public static string? Describe(Release release, Language language) =>
        Describe(release.TotalParams, release.ActiveParams, release.TotalParamsEstimated, release.ActiveParamsEstimated, language);

    public static string? Describe(long? total, long? active, bool totalEstimated, bool activeEstimated, Language language)
    {
        if (total is { } all && active is { } used && used != all)
        {
            return Texts.For(language).ParamsTotalActive(Figure(all, totalEstimated), Figure(used, activeEstimated));
        }

        // One figure for a dense model (or only one known): a guess if the figure shown is one.
        return total is { } only ? Figure(only, totalEstimated)
            : active is { } activeOnly ? Figure(activeOnly, activeEstimated)
            : null;
    }

    private static string Figure(long parameters, bool estimated) => (estimated ? "≈" : string.Empty) + Format(parameters);

    // One decimal at most, none when it is zero: 30.5, 235, 0.6 (rounded, not cut: 0.35 → 0.4).
    private static string Short(double value)
    {
        var rounded = Math.Round(value, value >= 100 ? 0 : 1, MidpointRounding.AwayFromZero);
        return rounded.ToString("0.#", CultureInfo.InvariantCulture);
    }
}
