using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ingest;

namespace ReleaseBot.Tests.Ingest;

public sealed class TrendingTrackerTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static IReadOnlyList<HubModel> List(params string[] repoIds) =>
        repoIds.Select((id, i) => new HubModel { RepoId = RepoId.Parse(id), TrendingScore = 1000 - i }).ToList();

    private static string[] Filler(int count, string prefix = "other") =>
        Enumerable.Range(1, count).Select(i => $"{prefix}/m{i}").ToArray();

    [Fact]
    public async Task Record_FirstSnapshot_StoresItAndRaisesNothing()
    {
        using var rig = IngestRig.Create();

        var moves = await rig.Tracker.RecordAsync(List("Qwen/A", "zai-org/B"), Ct);

        Assert.Empty(moves);
        var snapshot = await rig.Store.Ranks.GetLatestSnapshotAsync(Ct);
        Assert.Equal(2, snapshot!.Entries.Count);
        Assert.Equal("Qwen/A", snapshot.Entries[0].RepoId?.ToString());
        Assert.Equal(1000, snapshot.Entries[0].Score);
        Assert.Equal("hub", snapshot.Source);
    }

    [Fact]
    public async Task Record_ModelJumpsToFirst_RaisesReachedFirst()
    {
        using var rig = IngestRig.Create();
        await rig.Tracker.RecordAsync(List([.. Filler(4), "Qwen/A"]), Ct);
        rig.Time.Advance(TimeSpan.FromMinutes(15));

        var moves = await rig.Tracker.RecordAsync(List(["Qwen/A", .. Filler(4)]), Ct);

        var move = Assert.Single(moves);
        Assert.Equal(new RankMove(RepoId.Parse("Qwen/A"), RankMoveKind.ReachedFirst, 5, 1, rig.Time.GetUtcNow()), move);
        Assert.Equal("rank:Qwen/A:ReachedFirst:2025-07-30", Assert.Single(rig.Sink.Planned).Id);
    }

    [Fact]
    public async Task Record_NewModelEntersTopTen_RaisesEnteredTop()
    {
        using var rig = IngestRig.Create();
        await rig.Tracker.RecordAsync(List([.. Filler(12), "zai-org/GLM-4.5"]), Ct);
        rig.Time.Advance(TimeSpan.FromMinutes(15));

        var moves = await rig.Tracker.RecordAsync(List(["other/m1", "other/m2", "zai-org/GLM-4.5", .. Filler(12).Skip(2)]), Ct);

        var move = Assert.Single(moves);
        Assert.Equal(RankMoveKind.EnteredTop, move.Kind);
        Assert.Equal(13, move.From);
        Assert.Equal(3, move.To);
    }

    [Fact]
    public async Task Record_ClimbOfTenOutsideTopTen_RaisesClimbed()
    {
        using var rig = IngestRig.Create();
        await rig.Tracker.RecordAsync(List([.. Filler(30), "tencent/H"]), Ct);
        rig.Time.Advance(TimeSpan.FromMinutes(15));

        var moves = await rig.Tracker.RecordAsync(List([.. Filler(15), "tencent/H"]), Ct);

        var move = Assert.Single(moves);
        Assert.Equal(RankMoveKind.Climbed, move.Kind);
        Assert.Equal(31, move.From);
        Assert.Equal(16, move.To);
    }

    [Fact]
    public async Task Record_SameMoveTwiceInOneDay_RaisedOnceThenAgainNextDay()
    {
        using var rig = IngestRig.Create();
        await rig.Tracker.RecordAsync(List("other/x", "Qwen/A"), Ct);
        rig.Time.Advance(TimeSpan.FromHours(1));
        await rig.Tracker.RecordAsync(List("Qwen/A", "other/x"), Ct);
        rig.Time.Advance(TimeSpan.FromHours(1));
        await rig.Tracker.RecordAsync(List("other/x", "Qwen/A"), Ct);
        rig.Time.Advance(TimeSpan.FromHours(1));

        var sameDay = await rig.Tracker.RecordAsync(List("Qwen/A", "other/x"), Ct);
        rig.Time.Advance(TimeSpan.FromDays(1));
        await rig.Tracker.RecordAsync(List("other/x", "Qwen/A"), Ct);
        rig.Time.Advance(TimeSpan.FromHours(1));
        var nextDay = await rig.Tracker.RecordAsync(List("Qwen/A", "other/x"), Ct);

        Assert.Empty(sameDay);
        Assert.Single(nextDay);
        string[] expected =
        [
            "rank:Qwen/A:ReachedFirst:2025-07-30", "rank:Qwen/A:ReachedFirst:2025-07-31",
            "rank:other/x:ReachedFirst:2025-07-30", "rank:other/x:ReachedFirst:2025-07-31",
        ];
        Assert.Equal(expected, rig.Sink.Planned.Select(e => e.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Record_AfterSeedSnapshot_ComparesWithNothing()
    {
        using var rig = IngestRig.Create();
        await rig.Store.Ranks.TryAddSnapshotAsync(new RankSnapshot
        {
            Id = "seed:2025-07-30", TakenAt = rig.Time.GetUtcNow().AddDays(-1), Size = 10, Source = "seed",
            Entries = [new RankEntry(1, RepoId.Parse("zai-org/GLM-4.5")), new RankEntry(2, RepoId.Parse("Qwen/A"))],
        }, Ct);

        var moves = await rig.Tracker.RecordAsync(List("Qwen/A", "zai-org/GLM-4.5"), Ct);

        Assert.Empty(moves);
    }

    [Fact]
    public void OfTop_Snapshot_CountsVendorsByOwnerOnly()
    {
        var snapshot = new RankSnapshot
        {
            Id = "t", TakenAt = DateTimeOffset.UnixEpoch, Size = 4,
            Entries = [new RankEntry(1, RepoId.Parse("Qwen/A")), new RankEntry(2, RepoId.Parse("reteetzad/Kimi-K3")), new RankEntry(3, RepoId.Parse("Qwen/B")), new RankEntry(4, RepoId.Parse("moonshotai/Kimi-K2"))],
        };

        var share = VendorShare.OfTop(snapshot, Testing.FakeHub.HubHarness.Vendors, 10);

        Assert.Equal([("alibaba", 2), ("moonshot", 1)], share.Select(s => (s.Vendor.Id, s.Count)));
    }
}
