using ReleaseBot.Core.Digests;
using ReleaseBot.Core.Domain;

namespace ReleaseBot.Tests.Digests;

public sealed class DigestSchedulerTests
{
    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) =>
        new(2025, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public async Task TickAsync_Shanghai0900_PlansOncePerLocalDateAt0100Utc()
    {
        using var h = new DigestHarness(Utc(7, 29, 0));
        await h.AddDigestSubscriberAsync("Asia/Shanghai", new TimeOnly(9, 0), Utc(7, 28, 0));

        var planned = await h.TickUntilAsync(Utc(7, 31, 6), TimeSpan.FromMinutes(30));

        Assert.Equal([Utc(7, 29, 1), Utc(7, 30, 1), Utc(7, 31, 1)], planned);
        Assert.Equal(
            ["digest:d:2025-07-29", "digest:d:2025-07-30", "digest:d:2025-07-31"],
            (await h.DigestsAsync()).Select(e => e.Id));
    }

    [Fact]
    public async Task TickAsync_BerlinSpringForward_OnePerDate_GapTimeAtFirstValidInstant()
    {
        using var h = new DigestHarness(Utc(3, 29, 0));
        await h.AddDigestSubscriberAsync("Europe/Berlin", new TimeOnly(2, 30), Utc(3, 27, 0));

        var planned = await h.TickUntilAsync(Utc(3, 31, 6), TimeSpan.FromMinutes(10));

        // 29th 02:30 CET; 30th 02:30 does not exist → 03:00 CEST; 31st 02:30 CEST.
        Assert.Equal([Utc(3, 29, 1, 30), Utc(3, 30, 1, 0), Utc(3, 31, 0, 30)], planned);
        Assert.Equal(
            [new DateOnly(2025, 3, 29), new DateOnly(2025, 3, 30), new DateOnly(2025, 3, 31)],
            (await h.DigestsAsync()).Select(e => e.DigestDate!.Value));
    }

    [Fact]
    public async Task TickAsync_BerlinFallBack_OnePerDate_AtFirstOccurrence()
    {
        using var h = new DigestHarness(Utc(10, 25, 0));
        await h.AddDigestSubscriberAsync("Europe/Berlin", new TimeOnly(2, 30), Utc(10, 20, 0));

        var planned = await h.TickUntilAsync(Utc(10, 27, 6), TimeSpan.FromMinutes(10));

        // 26th: 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET); only the first counts.
        Assert.Equal([Utc(10, 25, 0, 30), Utc(10, 26, 0, 30), Utc(10, 27, 1, 30)], planned);
    }

    [Fact]
    public async Task TickAsync_MoreSubscribersThanOneBatch_EachPlannedOnceWithItsRecord()
    {
        // 1,234 subscribers: two full batches of 500 and a part batch, each written as one commit of rows, then records.
        const int Subscribers = 1234;
        using var h = new DigestHarness(Utc(7, 30, 1));
        for (var i = 0; i < Subscribers; i++)
        {
            await h.AddDigestSubscriberAsync("Asia/Shanghai", new TimeOnly(9, 0), Utc(7, 1, 0), id: $"d{i:D4}");
        }

        var first = await h.NewScheduler().TickAsync(CancellationToken.None);
        h.Time.Advance(TimeSpan.FromMinutes(1));
        var second = await h.NewScheduler().TickAsync(CancellationToken.None);

        Assert.Equal((Subscribers, 0), (first, second));
        var date = new DateOnly(2025, 7, 30);
        foreach (var id in new[] { "d0000", "d0499", "d0500", "d0999", "d1000", "d1233" })
        {
            Assert.Equal(date, Assert.Single(await h.DigestsAsync(id)).DigestDate);
            Assert.Equal(date, (await h.Store.DigestLog.GetLastAsync(id, CancellationToken.None))?.LocalDate);
        }

        var rows = await h.Store.Outbox.CountByStateAsync(CancellationToken.None);
        Assert.Equal(Subscribers, rows.GetValueOrDefault(DeliveryState.Pending));
    }

    [Fact]
    public async Task TickAsync_AfterRestartOnSameStore_DoesNotPlanTwice()
    {
        using var h = new DigestHarness(Utc(7, 30, 1));
        await h.AddDigestSubscriberAsync("Asia/Shanghai", new TimeOnly(9, 0), Utc(7, 1, 0));

        var first = await h.NewScheduler().TickAsync(CancellationToken.None);
        h.Store.Reopen();
        h.Time.Advance(TimeSpan.FromMinutes(1));
        var afterRestart = await h.NewScheduler().TickAsync(CancellationToken.None);

        Assert.Equal(1, first);
        Assert.Equal(0, afterRestart);
        Assert.Single(await h.DigestsAsync());
    }

    [Fact]
    public async Task TickAsync_DowntimeWithinCatchUpWindow_SendsOneForTheLatestDateOnly()
    {
        using var h = new DigestHarness(Utc(7, 26, 1));
        await h.AddDigestSubscriberAsync("Asia/Shanghai", new TimeOnly(9, 0), Utc(7, 1, 0));
        await h.NewScheduler().TickAsync(CancellationToken.None);

        h.Time.SetUtcNow(Utc(7, 30, 5)); // down for four days, back 4 h after the 30th's digest time
        var planned = await h.NewScheduler().TickAsync(CancellationToken.None);

        Assert.Equal(1, planned);
        var digests = await h.DigestsAsync();
        Assert.Equal(["digest:d:2025-07-26", "digest:d:2025-07-30"], digests.Select(e => e.Id));
        Assert.Equal(Utc(7, 26, 1), digests[1].CoversFrom);
        Assert.Equal(Utc(7, 30, 5), digests[1].CoversTo);
    }

    [Fact]
    public async Task TickAsync_DowntimeBeyondCatchUpWindow_SendsNoneUntilNextDate()
    {
        using var h = new DigestHarness(Utc(7, 26, 1));
        await h.AddDigestSubscriberAsync("Asia/Shanghai", new TimeOnly(9, 0), Utc(7, 1, 0));
        await h.NewScheduler().TickAsync(CancellationToken.None);

        h.Time.SetUtcNow(Utc(7, 30, 8)); // 7 h after the 30th's digest time, window is 6 h
        var late = await h.NewScheduler().TickAsync(CancellationToken.None);
        h.Time.SetUtcNow(Utc(7, 31, 1));
        var next = await h.NewScheduler().TickAsync(CancellationToken.None);

        Assert.Equal(0, late);
        Assert.Equal(1, next);
        var digests = await h.DigestsAsync();
        Assert.Equal(["digest:d:2025-07-26", "digest:d:2025-07-31"], digests.Select(e => e.Id));
        Assert.Equal(Utc(7, 26, 1), digests[1].CoversFrom); // nothing detected meanwhile is lost
    }

    [Fact]
    public async Task TickAsync_CoverageWindows_Chain()
    {
        using var h = new DigestHarness(Utc(7, 29, 0));
        await h.AddDigestSubscriberAsync("Asia/Shanghai", new TimeOnly(9, 0), Utc(7, 28, 0));

        await h.TickUntilAsync(Utc(7, 31, 2), TimeSpan.FromMinutes(30));

        var digests = await h.DigestsAsync();
        Assert.Equal(3, digests.Count);
        Assert.Equal(Utc(7, 28, 1), digests[0].CoversFrom); // first: the last 24 hours
        for (var i = 1; i < digests.Count; i++)
        {
            Assert.Equal(digests[i - 1].CoversTo, digests[i].CoversFrom);
        }

        var last = await h.Store.DigestLog.GetLastAsync("d", CancellationToken.None);
        Assert.Equal(digests[^1].CoversTo, last!.CoversTo);
    }

    [Fact]
    public async Task TickAsync_EmptyDayNote_PlansTheDigestAnyway()
    {
        using var h = new DigestHarness(Utc(7, 30, 1));
        await h.AddDigestSubscriberAsync("Asia/Shanghai", new TimeOnly(9, 0), Utc(7, 1, 0));

        Assert.Equal(1, await h.NewScheduler().TickAsync(CancellationToken.None));
        Assert.Single(await h.DigestsAsync());
    }

    [Fact]
    public async Task TickAsync_EmptyDaySkip_RecordsTheDateAndPlansOnlyDaysWithNews()
    {
        using var h = new DigestHarness(Utc(7, 29, 1), new DigestOptions { EmptyDay = DigestEmptyDay.Skip });
        await h.AddDigestSubscriberAsync("Asia/Shanghai", new TimeOnly(9, 0), Utc(7, 1, 0),
            filter: new SubscriptionFilter { Vendors = ["alibaba"], RankAlerts = false });
        await h.Store.Releases.TryAddReleaseAsync(Release("deepseek-ai/DeepSeek-V3.1", "deepseek", Utc(7, 29, 5)), CancellationToken.None);

        var emptyDay = await h.NewScheduler().TickAsync(CancellationToken.None);
        var recorded = await h.Store.DigestLog.GetLastAsync("d", CancellationToken.None);
        h.Time.SetUtcNow(Utc(7, 30, 1)); // only a DeepSeek release since: nothing for an Alibaba subscriber
        var otherVendorDay = await h.NewScheduler().TickAsync(CancellationToken.None);
        await h.Store.Releases.TryAddReleaseAsync(Release("Qwen/Qwen3-Coder-480B-A35B-Instruct", "alibaba", Utc(7, 30, 12)), CancellationToken.None);
        h.Time.SetUtcNow(Utc(7, 31, 1));
        var newsDay = await h.NewScheduler().TickAsync(CancellationToken.None);

        Assert.Equal(0, emptyDay);
        Assert.Equal(new DateOnly(2025, 7, 29), recorded?.LocalDate);
        Assert.Equal(0, otherVendorDay);
        Assert.Equal(1, newsDay);
        Assert.Equal(["digest:d:2025-07-31"], (await h.DigestsAsync()).Select(e => e.Id));
    }

    [Fact]
    public async Task TickAsync_SubscribedAfterTodaysTime_FirstDigestTomorrow()
    {
        using var h = new DigestHarness(Utc(7, 29, 3));
        await h.AddDigestSubscriberAsync("Asia/Shanghai", new TimeOnly(9, 0), Utc(7, 29, 3));

        var planned = await h.TickUntilAsync(Utc(7, 30, 2), TimeSpan.FromMinutes(30));

        Assert.Equal([Utc(7, 30, 1)], planned);
    }

    [Fact]
    public async Task TickAsync_InstantOnlyOrPaused_GetsNoDigest()
    {
        using var h = new DigestHarness(Utc(7, 30, 1));
        var instant = await h.AddDigestSubscriberAsync("UTC", new TimeOnly(1, 0), Utc(7, 1, 0), id: "i");
        await h.Store.Subscriptions.UpsertSubscriptionAsync(instant with { Mode = DeliveryMode.Instant }, CancellationToken.None);
        var paused = await h.AddDigestSubscriberAsync("UTC", new TimeOnly(1, 0), Utc(7, 1, 0), id: "p");
        await h.Store.Subscriptions.UpsertSubscriptionAsync(paused with { Active = false, PausedReason = "kicked" }, CancellationToken.None);

        Assert.Equal(0, await h.NewScheduler().TickAsync(CancellationToken.None));
    }

    private static Release Release(string repoId, string vendor, DateTimeOffset detectedAt) => new()
    {
        Id = RepoId.Parse(repoId).ReleaseId,
        RepoId = RepoId.Parse(repoId),
        VendorId = vendor,
        Title = repoId.Split('/')[1],
        DetectedAt = detectedAt,
    };
}
