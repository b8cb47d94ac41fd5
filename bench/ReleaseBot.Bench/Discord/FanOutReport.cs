using System.Globalization;

namespace ReleaseBot.Bench.Discord;

/// <summary>
/// What one platform's fan-out achieved: accepted messages' times against the limit the fake enforces, the 429s it
/// answered, and messages lost or repeated per chat (each chat expects exactly one).
/// </summary>
internal sealed record FanOutReport(string Platform, IReadOnlyList<DateTimeOffset> Accepted, IReadOnlyList<int> PerChat, double Limit, int TooManyRequests)
{
    public double Ratio => AchievedRate / Limit;

    /// <summary>Intervals between accepted messages (n − 1 of them) over the span from the first accepted to the last.</summary>
    public double AchievedRate => Accepted.Count > 1 ? (Accepted.Count - 1) / Span.TotalSeconds : double.NaN;

    private TimeSpan Span => Accepted.Count > 1 ? Accepted.Max() - Accepted.Min() : TimeSpan.Zero;

    public int Lost => PerChat.Sum(n => Math.Max(0, 1 - n));

    public int Duplicated => PerChat.Sum(n => Math.Max(0, n - 1));

    public void Print(DateTimeOffset published)
    {
        var endToEnd = Accepted.Count > 0 ? (Accepted.Max() - published).TotalSeconds : double.NaN;
        Write($"  {Platform}: messages accepted  {Accepted.Count} in {Span.TotalSeconds:F2} s (first to last accepted)");
        Write($"  {Platform}: achieved rate      {AchievedRate:F1} msg/s; limit enforced {Limit:F0} msg/s; ratio {Ratio:F3} (goal >= 0.95)");
        Write($"  {Platform}: end to end         {endToEnd:F2} s from publishing to the last accepted: {Accepted.Count / endToEnd:F1} msg/s, ratio {Accepted.Count / endToEnd / Limit:F3}");
        Write($"  {Platform}: 429s drawn         {TooManyRequests} (goal 0)");
        Write($"  {Platform}: lost               {Lost} (goal 0)");
        Write($"  {Platform}: duplicated         {Duplicated} (goal 0)");
    }

    public static void Write(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
