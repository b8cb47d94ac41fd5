using System.Globalization;

namespace ReleaseBot.Core.Text;

/// <summary>How replies write a date: <c>2025-07-30</c>, the same in every language.</summary>
public static class DateText
{
    public static string Day(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
