using Microsoft.Extensions.Time.Testing;
using ReleaseBot.Core.Domain;
using ReleaseBot.Testing.FakeHub;

namespace ReleaseBot.Tests.HuggingFace;

public sealed class TrendingCycleTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Trending_TwoReads_SnapshotEachTimeAndRankMoveOnce()
    {
        var time = new FakeTimeProvider(FakeHubSamples.At("2025-07-30T06:00:00Z"));
        await using var rig = await HubHarness.StartAsync(new Dictionary<string, string?> { ["TrendingTop"] = "5" }, time: time);
        var glm = rig.Hub.Add(FakeHubSamples.Model("zai-org/GLM-4.5", "2025-07-28T00:00:00Z", trendingScore: 100));
        rig.Hub.Add(FakeHubSamples.Model("Qwen/Qwen3-Coder-480B-A35B-Instruct", "2025-07-22T00:00:00Z", trendingScore: 900));
        await rig.Poll.RunAsync(Ct);

        var first = await rig.Trending.RunAsync(Ct);
        time.Advance(TimeSpan.FromMinutes(15));
        rig.Hub.Change(glm.Id, m => m.TrendingScore = 1000);
        var second = await rig.Trending.RunAsync(Ct);
        time.Advance(TimeSpan.FromMinutes(15));
        var third = await rig.Trending.RunAsync(Ct);

        Assert.Empty(first);
        var move = Assert.Single(second);
        Assert.Equal(new RankMove(RepoId.Parse("zai-org/GLM-4.5"), RankMoveKind.ReachedFirst, 2, 1, time.GetUtcNow().AddMinutes(-15)), move);
        Assert.Empty(third);
        var latest = await rig.Store.Ranks.GetLatestSnapshotAsync(Ct);
        Assert.Equal(["zai-org/GLM-4.5", "Qwen/Qwen3-Coder-480B-A35B-Instruct"], latest!.Entries.Select(e => e.RepoId?.ToString()));
        Assert.Equal(1000, latest.Entries[0].Score);
        Assert.Equal(["rank:zai-org/GLM-4.5:ReachedFirst:2025-07-30"], rig.Sink.Planned.Select(e => e.Id));
    }

    [Fact]
    public async Task Trending_ImpostorAndDerivative_NotAnnouncedAsVendorReleases()
    {
        await using var rig = await HubHarness.StartAsync();
        rig.Hub.AddRange([FakeHubSamples.KimiK2Thinking(), FakeHubSamples.ImpostorKimiK3(), FakeHubSamples.QuantisedQwen()]);
        await rig.Poll.RunAsync(Ct);

        await rig.Trending.RunAsync(Ct);

        Assert.Empty(rig.Sink.PlannedOf(EventKind.ReleaseDetected));
        Assert.Null(await rig.Store.Releases.FindByRepoIdAsync(RepoId.Parse("reteetzad/Kimi-K3"), Ct));
        var derivative = await rig.Store.Releases.FindByRepoIdAsync(RepoId.Parse("unsloth/Qwen3-235B-A22B-Instruct-2507-GGUF"), Ct);
        Assert.NotNull(derivative);
        Assert.False(derivative.Official);
        Assert.Null(derivative.VendorId);
        Assert.Equal("alibaba", derivative.BaseVendorId);
        Assert.Equal(DiscoveryPath.Trending, derivative.FoundBy);
        var snapshot = await rig.Store.Ranks.GetLatestSnapshotAsync(Ct);
        Assert.Contains(snapshot!.Entries, e => e.RepoId == RepoId.Parse("reteetzad/Kimi-K3"));
    }

    [Fact]
    public async Task Trending_VendorRepoNotYetPolled_LeftToVendorPoll()
    {
        await using var rig = await HubHarness.StartAsync();
        await rig.Poll.RunAsync(Ct);
        rig.Hub.Add(FakeHubSamples.Model("moonshotai/Kimi-K2-Instruct", "2025-07-11T00:00:00Z", trendingScore: 700));

        await rig.Trending.RunAsync(Ct);
        var afterTrending = await rig.Store.Releases.FindByRepoIdAsync(RepoId.Parse("moonshotai/Kimi-K2-Instruct"), Ct);
        await rig.Poll.RunAsync(Ct);

        Assert.Null(afterTrending);
        Assert.Equal(["release:hf:moonshotai/Kimi-K2-Instruct"], rig.Sink.Planned.Select(e => e.Id));
        Assert.Equal(DiscoveryPath.VendorPoll, (await rig.Store.Releases.FindByRepoIdAsync(RepoId.Parse("moonshotai/Kimi-K2-Instruct"), Ct))!.FoundBy);
    }
}
