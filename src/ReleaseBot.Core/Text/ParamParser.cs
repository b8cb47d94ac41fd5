using System.Globalization;

namespace ReleaseBot.Core.Text;

/// <summary>
/// Parameter counts as people type them, the other way round from <see cref="ParamFormatter"/>: 30b, 7B, 1.5b, 500m,
/// 1t. A bare number means billions (nobody asks for a 30-parameter model).
/// </summary>
public static class ParamParser
{
    /// <summary>No filter needs more: the largest open models are around a trillion or two.</summary>
    public const long Max = 100_000_000_000_000;

    /// <summary>True when <paramref name="text"/> is a size from zero to <see cref="Max"/>; <paramref name="parameters"/> is rounded to whole parameters.</summary>
    public static bool TryParse(string text, out long parameters)
    {
        parameters = 0;
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return false;
        }

        var unit = char.ToLowerInvariant(trimmed[^1]) switch
        {
            'm' => 1_000_000d,
            'b' => 1_000_000_000d,
            't' => 1_000_000_000_000d,
            _ => 0d,
        };
        var number = unit == 0d ? trimmed : trimmed[..^1];
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        var total = (double)value * (unit == 0d ? 1_000_000_000d : unit);
        if (total > Max)
        {
            return false;
        }

        parameters = (long)Math.Round(total, MidpointRounding.AwayFromZero);
        return true;
    }
}
