using System.Globalization;
using System.Text.RegularExpressions;

namespace ReleaseBot.Core.Commands.Handlers;

/// <summary>A count typed by a user: numbers outside the range are refused (not clamped), so the user learns the range.</summary>
public static partial class CountArgument
{
    /// <summary>True when the token looks like a number at all (digits, sign, separators), so it is read as a count.</summary>
    public static bool LooksNumeric(string token) => Numeric().IsMatch(token);

    public static bool TryParse(string token, int min, int max, out int value) =>
        int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;

    [GeneratedRegex(@"^[+-]?[0-9０-９][0-9０-９.,_]*$")]
    private static partial Regex Numeric();
}
