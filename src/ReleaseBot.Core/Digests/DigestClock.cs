using System.Diagnostics.CodeAnalysis;

namespace ReleaseBot.Core.Digests;

/// <summary>Local dates and due instants of digests in a subscriber's IANA zone, DST included.</summary>
public static class DigestClock
{
    public static bool TryFindZone(string id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            zone = null;
            return false;
        }
    }

    /// <summary>
    /// The instant the digest of local date <paramref name="date"/> is due: <paramref name="at"/>
    /// on that date in the zone. A local time skipped by a spring-forward gap becomes the first
    /// valid instant after the gap; a time that occurs twice (fall back) is its first occurrence.
    /// </summary>
    public static DateTimeOffset DueInstant(DateOnly date, TimeOnly at, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(at, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Gaps start and end on whole minutes in every tz database zone.
            local = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified);
            while (zone.IsInvalidTime(local))
            {
                local = local.AddMinutes(1);
            }
        }

        var offset = zone.IsAmbiguousTime(local)
            ? zone.GetAmbiguousTimeOffsets(local).Max()
            : zone.GetUtcOffset(local);
        return new DateTimeOffset(local - offset, TimeSpan.Zero);
    }

    /// <summary>The latest local date whose digest is due at <paramref name="now"/>, and its due instant.</summary>
    public static (DateOnly Date, DateTimeOffset DueAt) LatestDue(DateTimeOffset now, TimeOnly at, TimeZoneInfo zone)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var dueToday = DueInstant(today, at, zone);
        if (now >= dueToday)
        {
            return (today, dueToday);
        }

        var yesterday = today.AddDays(-1);
        return (yesterday, DueInstant(yesterday, at, zone));
    }
}
