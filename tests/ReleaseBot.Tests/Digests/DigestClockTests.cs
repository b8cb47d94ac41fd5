using ReleaseBot.Core.Digests;

namespace ReleaseBot.Tests.Digests;

public sealed class DigestClockTests
{
    private static TimeZoneInfo Zone(string id) =>
        DigestClock.TryFindZone(id, out var zone) ? zone : throw new InvalidOperationException(id);

    [Fact]
    public void DueInstant_Shanghai0900_Is0100Utc()
    {
        var due = DigestClock.DueInstant(new DateOnly(2025, 7, 31), new TimeOnly(9, 0), Zone("Asia/Shanghai"));

        Assert.Equal(new DateTimeOffset(2025, 7, 31, 1, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void DueInstant_BerlinSpringForwardGap_IsFirstInstantAfterGap()
    {
        // 2025-03-30 02:00 CET jumps to 03:00 CEST; 02:30 does not exist.
        var due = DigestClock.DueInstant(new DateOnly(2025, 3, 30), new TimeOnly(2, 30), Zone("Europe/Berlin"));

        Assert.Equal(new DateTimeOffset(2025, 3, 30, 1, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void DueInstant_BerlinFallBackAmbiguous_IsFirstOccurrence()
    {
        // 2025-10-26 03:00 CEST falls back to 02:00 CET; 02:30 happens at 00:30Z and again at 01:30Z.
        var due = DigestClock.DueInstant(new DateOnly(2025, 10, 26), new TimeOnly(2, 30), Zone("Europe/Berlin"));

        Assert.Equal(new DateTimeOffset(2025, 10, 26, 0, 30, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void LatestDue_BeforeTodaysTime_IsYesterday()
    {
        var shanghai = Zone("Asia/Shanghai");
        var now = new DateTimeOffset(2025, 7, 31, 0, 59, 0, TimeSpan.Zero); // 08:59 local

        var (date, dueAt) = DigestClock.LatestDue(now, new TimeOnly(9, 0), shanghai);

        Assert.Equal(new DateOnly(2025, 7, 30), date);
        Assert.Equal(new DateTimeOffset(2025, 7, 30, 1, 0, 0, TimeSpan.Zero), dueAt);
    }

    [Fact]
    public void LatestDue_LocalDateAheadOfUtc_UsesLocalDate()
    {
        // 2025-07-30 17:00Z is 01:00 on the 31st in Shanghai.
        var (date, _) = DigestClock.LatestDue(
            new DateTimeOffset(2025, 7, 30, 17, 0, 0, TimeSpan.Zero), new TimeOnly(0, 30), Zone("Asia/Shanghai"));

        Assert.Equal(new DateOnly(2025, 7, 31), date);
    }

    [Fact]
    public void TryFindZone_Unknown_ReturnsFalse() =>
        Assert.False(DigestClock.TryFindZone("Mars/Olympus_Mons", out _));
}
