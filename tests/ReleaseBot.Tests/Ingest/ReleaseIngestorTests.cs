using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ingest;

namespace ReleaseBot.Tests.Ingest;

public sealed class ReleaseIngestorTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task IngestOrgListing_FirstPoll_StoresBaselineAndAnnouncesNothing()
    {
        using var rig = IngestRig.Create();

        var report = await rig.Ingestor.IngestOrgListingAsync("Qwen", [IngestRig.Item("Qwen/Qwen3-8B"), IngestRig.Item("Qwen/Qwen3-14B")], Ct);

        Assert.True(report.Baseline);
        Assert.Equal(2, report.Stored.Count);
        Assert.Empty(rig.Sink.Published);
        Assert.Equal(0, rig.Details.TotalCalls);
        Assert.NotNull(await rig.FindAsync("Qwen/Qwen3-8B"));
    }

    [Fact]
    public async Task IngestOrgListing_BackfillCount_AnnouncesNewestOnBaseline()
    {
        using var rig = IngestRig.Create(new IngestOptions { BackfillCount = 1 });

        await rig.Ingestor.IngestOrgListingAsync(
            "Qwen", [IngestRig.Item("Qwen/Old", "2025-01-01T00:00:00Z"), IngestRig.Item("Qwen/Newest", "2025-07-01T00:00:00Z")], Ct);

        Assert.Equal(["release:hf:Qwen/Newest"], rig.Sink.Planned.Select(e => e.Id));
    }

    [Fact]
    public async Task IngestOrgListing_NewIdAfterBaseline_AnnouncedOnceEvenWhenListedAgain()
    {
        using var rig = IngestRig.Create();
        await rig.Ingestor.IngestOrgListingAsync("Qwen", [IngestRig.Item("Qwen/Qwen3-8B")], Ct);
        var listing = new[] { IngestRig.Item("Qwen/Qwen3-Coder-480B-A35B-Instruct", "2025-07-22T00:00:00Z"), IngestRig.Item("Qwen/Qwen3-8B") };

        var first = await rig.Ingestor.IngestOrgListingAsync("Qwen", listing, Ct);
        var second = await rig.Ingestor.IngestOrgListingAsync("Qwen", listing, Ct);

        Assert.Equal(["Qwen/Qwen3-Coder-480B-A35B-Instruct"], first.Announced);
        Assert.Empty(second.Announced);
        Assert.Single(rig.Sink.Published);
        var release = await rig.FindAsync("Qwen/Qwen3-Coder-480B-A35B-Instruct");
        Assert.Equal("alibaba", release!.VendorId);
        Assert.Equal(DiscoveryPath.VendorPoll, release.FoundBy);
        Assert.True(release.Enriched);
        Assert.True(release.HasModelCard);
    }

    [Fact]
    public async Task IngestOrgListing_StoredButPlanningFailed_StaysQueuedAndIsAnnouncedOnceAtTheNextStart()
    {
        using var rig = IngestRig.Create();
        await rig.Ingestor.IngestOrgListingAsync("Qwen", [IngestRig.Item("Qwen/Qwen3-8B")], Ct);
        var listing = new[] { IngestRig.Item("Qwen/Qwen3-Coder-480B-A35B-Instruct", "2025-07-22T00:00:00Z"), IngestRig.Item("Qwen/Qwen3-8B") };

        // The release is stored, then planning fails (or the process dies) before a row is written.
        rig.Sink.Failure = new IOException("killed mid-plan");
        await Assert.ThrowsAsync<IOException>(() => rig.Ingestor.IngestOrgListingAsync("Qwen", listing, Ct));
        rig.Sink.Failure = null;
        // The next poll knows the repo, so it would never announce it again by itself.
        var nextPoll = await rig.Ingestor.IngestOrgListingAsync("Qwen", listing, Ct);
        var queued = await rig.Store.Releases.GetToAnnounceAsync(Ct);

        var atStart = await rig.Ingestor.AnnounceQueuedAsync(Ct);
        var atNextStart = await rig.Ingestor.AnnounceQueuedAsync(Ct);

        Assert.Empty(nextPoll.Announced);
        Assert.Equal("Qwen/Qwen3-Coder-480B-A35B-Instruct", Assert.Single(queued).RepoId.ToString());
        Assert.Equal((1, 0), (atStart, atNextStart));
        var announced = Assert.Single(rig.Sink.Planned);
        Assert.Equal("release:hf:Qwen/Qwen3-Coder-480B-A35B-Instruct", announced.Id);
        Assert.Empty(await rig.Store.Releases.GetToAnnounceAsync(Ct));
    }

    [Fact]
    public async Task IngestOrgListing_SeveralNewInOneCycle_StoredTogetherAndEachAnnouncedOnce()
    {
        using var rig = IngestRig.Create();
        await rig.Ingestor.IngestOrgListingAsync("Qwen", [IngestRig.Item("Qwen/Qwen3-8B")], Ct);
        string[] fresh = ["Qwen/Qwen3-Coder-480B-A35B-Instruct", "Qwen/Qwen3-235B-A22B-Instruct-2507", "Qwen/Qwen3-30B-A3B-Thinking-2507"];
        var listing = fresh.Select(r => IngestRig.Item(r, "2025-07-25T00:00:00Z")).Append(IngestRig.Item("Qwen/Qwen3-8B")).ToArray();

        var report = await rig.Ingestor.IngestOrgListingAsync("Qwen", listing, Ct);
        var again = await rig.Ingestor.IngestOrgListingAsync("Qwen", listing, Ct);

        Assert.Equal(fresh, report.Announced);
        Assert.Empty(again.Announced);
        Assert.Equal(fresh.Select(r => $"release:hf:{r}"), rig.Sink.Planned.Select(e => e.Id));
        Assert.Equal(4, await rig.Store.Releases.CountReleasesAsync(Ct));
        Assert.Empty(await rig.Store.Releases.GetToAnnounceAsync(Ct));
    }

    [Fact]
    public async Task IngestOrgListing_Announced_LeavesNothingQueued()
    {
        using var rig = IngestRig.Create();
        await rig.Ingestor.IngestOrgListingAsync("Qwen", [IngestRig.Item("Qwen/Qwen3-8B")], Ct);

        await rig.Ingestor.IngestOrgListingAsync("Qwen", [IngestRig.Item("Qwen/Qwen3-Coder-480B-A35B-Instruct", "2025-07-22T00:00:00Z")], Ct);

        Assert.Single(rig.Sink.Planned);
        Assert.Empty(await rig.Store.Releases.GetToAnnounceAsync(Ct));
        Assert.Equal(0, await rig.Ingestor.AnnounceQueuedAsync(Ct));
    }

    [Fact]
    public async Task IngestOrgListing_LatePublishedRepoWithOldCreatedAt_IsAnnounced()
    {
        using var rig = IngestRig.Create();
        await rig.Ingestor.IngestOrgListingAsync("stepfun-ai", [IngestRig.Item("stepfun-ai/Step-Audio", "2025-06-01T00:00:00Z")], Ct);

        // Staged privately since March, public today: older than everything already seen.
        var report = await rig.Ingestor.IngestOrgListingAsync(
            "stepfun-ai", [IngestRig.Item("stepfun-ai/Step-Audio", "2025-06-01T00:00:00Z"), IngestRig.Item("stepfun-ai/step3", "2025-03-01T00:00:00Z")], Ct);

        Assert.Equal(["stepfun-ai/step3"], report.Announced);
    }

    [Fact]
    public async Task IngestOrgListing_PrivateOrForeignItems_AreIgnored()
    {
        using var rig = IngestRig.Create();
        await rig.Ingestor.IngestOrgListingAsync("moonshotai", [], Ct);

        var report = await rig.Ingestor.IngestOrgListingAsync(
            "moonshotai", [IngestRig.Item("reteetzad/Kimi-K3"), IngestRig.Item("moonshotai/Kimi-K3") with { Private = true }], Ct);

        Assert.Empty(report.Stored);
        Assert.Null(await rig.FindAsync("reteetzad/Kimi-K3"));
    }

    [Fact]
    public async Task IngestOrgListing_DetailFails_AnnouncesUnenrichedAndRetryUpdatesIt()
    {
        using var rig = IngestRig.Create();
        await rig.Ingestor.IngestOrgListingAsync("zai-org", [], Ct);
        rig.Details.Set("zai-org/GLM-4.5", new ModelDetailResult.Failed("HTTP 500"));

        var report = await rig.Ingestor.IngestOrgListingAsync("zai-org", [IngestRig.Item("zai-org/GLM-4.5")], Ct);
        var before = await rig.FindAsync("zai-org/GLM-4.5");
        rig.Details.Set(new HubModel { RepoId = RepoId.Parse("zai-org/GLM-4.5"), SafetensorsTotal = 358_337_791_296, HasReadme = true, CardLicence = "mit" });
        var updated = await rig.Enrichment.RetryAsync(Ct);
        var after = await rig.FindAsync("zai-org/GLM-4.5");

        Assert.Equal(["zai-org/GLM-4.5"], report.Announced);
        Assert.False(before!.Enriched);
        Assert.Equal(1, updated);
        Assert.True(after!.Enriched);
        Assert.Equal(358_337_791_296, after.TotalParams);
        Assert.Equal("mit", after.Licence);
        Assert.True(after.HasModelCard);
        Assert.Single(rig.Sink.Published);
    }

    [Fact]
    public async Task IngestOrgListing_DetailNotVisible_StoresNothingAndLooksAgainNextTime()
    {
        using var rig = IngestRig.Create();
        await rig.Ingestor.IngestOrgListingAsync("Qwen", [], Ct);
        rig.Details.Set("Qwen/Qwen3-Max", new ModelDetailResult.NotVisible("HTTP 401 Repository not found"));

        await rig.Ingestor.IngestOrgListingAsync("Qwen", [IngestRig.Item("Qwen/Qwen3-Max")], Ct);
        await rig.Ingestor.IngestOrgListingAsync("Qwen", [IngestRig.Item("Qwen/Qwen3-Max")], Ct);

        Assert.Null(await rig.FindAsync("Qwen/Qwen3-Max"));
        Assert.Empty(rig.Sink.Published);
        Assert.Equal(2, rig.Details.CallsFor("Qwen/Qwen3-Max"));
    }

    [Fact]
    public async Task IngestOrgListing_RenamedRepo_StoredUnderFinalIdWithFormerId()
    {
        using var rig = IngestRig.Create();
        await rig.Ingestor.IngestOrgListingAsync("THUDM", [], Ct);
        rig.Details.Set("THUDM/GLM-4.1V-9B-Thinking", new ModelDetailResult.Found(new HubModel { RepoId = RepoId.Parse("zai-org/GLM-4.1V-9B-Thinking"), HasReadme = true }));

        await rig.Ingestor.IngestOrgListingAsync("THUDM", [IngestRig.Item("THUDM/GLM-4.1V-9B-Thinking")], Ct);
        await rig.Ingestor.IngestOrgListingAsync("zai-org", [], Ct);
        var laterListing = await rig.Ingestor.IngestOrgListingAsync("zai-org", [IngestRig.Item("zai-org/GLM-4.1V-9B-Thinking")], Ct);

        var release = await rig.Store.Releases.GetReleaseAsync("hf:zai-org/GLM-4.1V-9B-Thinking", Ct);
        Assert.NotNull(release);
        Assert.Equal([RepoId.Parse("THUDM/GLM-4.1V-9B-Thinking")], release.FormerRepoIds);
        Assert.Empty(laterListing.Announced);
        Assert.Equal(["release:hf:zai-org/GLM-4.1V-9B-Thinking"], rig.Sink.Planned.Select(e => e.Id));
    }

    [Fact]
    public async Task IngestOrgListing_WatchedPattern_RaisesWatchHit()
    {
        using var rig = IngestRig.Create();
        var watch = new WatchPattern { Id = WatchPattern.KeyFor("sub-1", "stepfun-ai/step3*"), SubscriptionId = "sub-1", Pattern = "stepfun-ai/step3*", CreatedAt = rig.Time.GetUtcNow() };
        await rig.Store.Watches.TryAddWatchAsync(watch, Ct);
        await rig.Ingestor.IngestOrgListingAsync("stepfun-ai", [], Ct);

        await rig.Ingestor.IngestOrgListingAsync("stepfun-ai", [IngestRig.Item("stepfun-ai/step3"), IngestRig.Item("stepfun-ai/Step-Audio-2-mini")], Ct);

        var hit = Assert.Single(rig.Sink.PlannedOf(EventKind.WatchHit));
        Assert.Equal("hf:stepfun-ai/step3", hit.ReleaseId);
        Assert.Equal("sub-1", hit.WatchSubscriptionId);
    }

    [Fact]
    public async Task IngestOrgListing_AnnouncedOnlyReleaseAppears_IsReleasedAndAnnouncedWithItsHistory()
    {
        using var rig = IngestRig.Create();
        var announcedAt = rig.Time.GetUtcNow();
        await rig.Store.Releases.TryAddReleaseAsync(new Release
        {
            Id = "hf:stepfun-ai/step3", RepoId = RepoId.Parse("stepfun-ai/step3"), VendorId = "stepfun", Title = "Step3",
            DetectedAt = announcedAt, Status = ReleaseStatus.Announced, FoundBy = DiscoveryPath.Seed,
        }, Ct);
        await rig.Ingestor.IngestOrgListingAsync("stepfun-ai", [], Ct);

        var report = await rig.Ingestor.IngestOrgListingAsync("stepfun-ai", [IngestRig.Item("stepfun-ai/step3")], Ct);

        Assert.Equal(["stepfun-ai/step3"], report.Announced);
        var step3 = await rig.FindAsync("stepfun-ai/step3");
        Assert.Equal(ReleaseStatus.Released, step3!.Status);
        Assert.Equal([new StatusChange(ReleaseStatus.Announced, announcedAt), new StatusChange(ReleaseStatus.Released, rig.Time.GetUtcNow())], step3.StatusHistory);
    }

    [Fact]
    public async Task IngestRepo_TrendingDerivative_StoredTaggedNotAnnounced()
    {
        using var rig = IngestRig.Create();
        var hint = IngestRig.Item("unsloth/Qwen3-235B-A22B-Instruct-2507-GGUF", tags: ["gguf", "base_model:quantized:Qwen/Qwen3-235B-A22B-Instruct-2507"]);
        rig.Details.Set(hint with { HasReadme = true });

        var report = await rig.Ingestor.IngestRepoAsync(hint, DiscoveryPath.Trending, Ct);

        var release = await rig.FindAsync(hint.RepoId.ToString());
        Assert.Empty(report.Announced);
        Assert.Empty(rig.Sink.Published);
        Assert.False(release!.Official);
        Assert.Equal("alibaba", release.BaseVendorId);
    }

    [Fact]
    public async Task IngestRepo_UnknownOwnerWithoutVendorBase_IsIgnored()
    {
        using var rig = IngestRig.Create();

        await rig.Ingestor.IngestRepoAsync(IngestRig.Item("reteetzad/Kimi-K3"), DiscoveryPath.Trending, Ct);

        Assert.Null(await rig.FindAsync("reteetzad/Kimi-K3"));
        Assert.Equal(0, rig.Details.TotalCalls);
    }

    [Fact]
    public async Task IngestRepo_WebhookThenPoll_AnnouncedOnceAndFoundByWebhook()
    {
        using var rig = IngestRig.Create();
        await rig.Ingestor.IngestOrgListingAsync("moonshotai", [], Ct);

        await rig.Ingestor.IngestRepoAsync(new HubModel { RepoId = RepoId.Parse("moonshotai/Kimi-K2-Instruct") }, DiscoveryPath.Webhook, Ct);
        await rig.Ingestor.IngestRepoAsync(new HubModel { RepoId = RepoId.Parse("moonshotai/Kimi-K2-Instruct") }, DiscoveryPath.Webhook, Ct);
        await rig.Ingestor.IngestOrgListingAsync("moonshotai", [IngestRig.Item("moonshotai/Kimi-K2-Instruct")], Ct);

        Assert.Single(rig.Sink.Published);
        Assert.Equal(DiscoveryPath.Webhook, (await rig.FindAsync("moonshotai/Kimi-K2-Instruct"))!.FoundBy);
    }

    [Fact]
    public async Task IngestMove_KnownRelease_FollowsNewIdWithoutNewAnnouncement()
    {
        using var rig = IngestRig.Create();
        await rig.Ingestor.IngestOrgListingAsync("THUDM", [IngestRig.Item("THUDM/Example-Model")], Ct);

        await rig.Ingestor.IngestMoveAsync(RepoId.Parse("THUDM/Example-Model"), RepoId.Parse("zai-org/Example-Model"), DiscoveryPath.Webhook, Ct);

        var release = await rig.FindAsync("zai-org/Example-Model");
        Assert.Equal("zai-org/Example-Model", release!.RepoId.ToString());
        Assert.Contains(RepoId.Parse("THUDM/Example-Model"), release.FormerRepoIds);
        Assert.Empty(rig.Sink.Published);
    }
}
