using System.Globalization;
using System.Text;

namespace ReleaseBot.Core.Vendors;

/// <summary>
/// Folds a name into a comparison key: NFKC (full-width letters and digits become ASCII),
/// lower-case, and only letters and digits kept, so "Moonshot AI", "moonshot-ai" and "ＭＯＯＮＳＨＯＴ ＡＩ" agree.
/// </summary>
public static class NameKey
{
    public static string Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var normalized = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(normalized.Length);
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                sb.Append(Rune.ToLowerInvariant(rune).ToString());
            }
        }

        return sb.ToString();
    }

    /// <summary>True when the key holds a CJK ideograph (Chinese names match by substring too).</summary>
    public static bool HasIdeograph(string key) =>
        key.EnumerateRunes().Any(r => r.Value is >= 0x3400 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF or >= 0x20000 and <= 0x2FFFF);

    internal static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
