using ReleaseBot.Core.Domain;
using ReleaseBot.Testing.Store;

namespace ReleaseBot.Tests.LiteDb;

public sealed class ReleaseQueryTests : IDisposable
{
    private readonly TestStore _db = TestStore.Create();
    private static CancellationToken Ct => CancellationToken.None;

    public void Dispose() => _db.Dispose();

    private static Release Make(string repoId, DateTimeOffset detectedAt, DateTimeOffset? publishedAt = null,
        DateTimeOffset? createdAt = null, string? vendorId = "alibaba", bool official = true) => new()
    {
        Id = RepoId.Parse(repoId).ReleaseId,
        RepoId = RepoId.Parse(repoId),
        VendorId = vendorId,
        Title = repoId,
        DetectedAt = detectedAt,
        PublishedAt = publishedAt,
        CreatedAt = createdAt,
        Official = official,
    };

    [Fact]
    public async Task GetLatestAsync_MixedDates_NewestFirstByPublishedThenCreatedThenDetected()
    {
        var day = new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero);
        await _db.Releases.TryAddReleaseAsync(Make("a/published-10", day.AddDays(30), publishedAt: day.AddDays(10)), Ct);
        await _db.Releases.TryAddReleaseAsync(Make("a/created-20", day.AddDays(30), createdAt: day.AddDays(20)), Ct);
        await _db.Releases.TryAddReleaseAsync(Make("a/detected-15", day.AddDays(15)), Ct);
        // Same instant written with another offset sorts by the instant, not the local time.
        await _db.Releases.TryAddReleaseAsync(Make("a/published-12", day, publishedAt: day.AddDays(12).ToOffset(TimeSpan.FromHours(-10))), Ct);

        var latest = await _db.Releases.GetLatestAsync(null, 10, officialOnly: false, Ct);

        Assert.Equal(["a/created-20", "a/detected-15", "a/published-12", "a/published-10"], latest.Select(r => r.RepoId.ToString()));
    }

    [Fact]
    public async Task GetLatestAsync_TiesAtTheCut_BrokenByRepoId()
    {
        var at = new DateTimeOffset(2025, 7, 28, 0, 0, 0, TimeSpan.Zero);
        foreach (var name in new[] { "z/e", "z/b", "z/d", "z/a", "z/c" })
        {
            await _db.Releases.TryAddReleaseAsync(Make(name, at), Ct);
        }
        await _db.Releases.TryAddReleaseAsync(Make("z/newest", at.AddDays(1)), Ct);

        var latest = await _db.Releases.GetLatestAsync(null, 3, officialOnly: false, Ct);

        Assert.Equal(["z/newest", "z/a", "z/b"], latest.Select(r => r.RepoId.ToString()));
    }

    [Fact]
    public async Task GetLatestAsync_VendorAndOfficialFilters_OnlyMatchingRows()
    {
        var at = new DateTimeOffset(2025, 7, 28, 0, 0, 0, TimeSpan.Zero);
        await _db.Releases.TryAddReleaseAsync(Make("Qwen/a", at, vendorId: "alibaba"), Ct);
        await _db.Releases.TryAddReleaseAsync(Make("someone/a-GGUF", at.AddHours(1), vendorId: "alibaba", official: false), Ct);
        await _db.Releases.TryAddReleaseAsync(Make("zai-org/b", at.AddHours(2), vendorId: "zhipu"), Ct);
        await _db.Releases.TryAddReleaseAsync(Make("nobody/c", at.AddHours(3), vendorId: null), Ct);

        Assert.Equal(["Qwen/a"], (await _db.Releases.GetLatestAsync("alibaba", 10, officialOnly: true, Ct)).Select(r => r.RepoId.ToString()));
        Assert.Equal(["someone/a-GGUF", "Qwen/a"], (await _db.Releases.GetLatestAsync("alibaba", 10, officialOnly: false, Ct)).Select(r => r.RepoId.ToString()));
        Assert.Equal(["nobody/c", "zai-org/b", "Qwen/a"], (await _db.Releases.GetLatestAsync(null, 10, officialOnly: true, Ct)).Select(r => r.RepoId.ToString()));
        Assert.Empty(await _db.Releases.GetLatestAsync(null, 0, officialOnly: false, Ct));
    }

    [Fact]
    public async Task FindByRepoIdAsync_OtherCaseOrFormerId_FindsRelease()
    {
        await _db.Releases.TryAddReleaseAsync(Make("zai-org/GLM-4.5", StoreSamples.T0) with { FormerRepoIds = [RepoId.Parse("THUDM/GLM-4.5")] }, Ct);

        Assert.Equal("zai-org/GLM-4.5", (await _db.Releases.FindByRepoIdAsync(RepoId.Parse("ZAI-ORG/glm-4.5"), Ct))?.RepoId?.ToString());
        Assert.Equal("zai-org/GLM-4.5", (await _db.Releases.FindByRepoIdAsync(RepoId.Parse("thudm/glm-4.5"), Ct))?.RepoId?.ToString());
        Assert.Null(await _db.Releases.FindByRepoIdAsync(RepoId.Parse("zai-org/GLM-4"), Ct));
    }

    [Fact]
    public async Task GetRepoIdsByOwnerAsync_CurrentAndFormerOwners_IdsOfThatOwnerOnly()
    {
        await _db.Releases.TryAddReleaseAsync(Make("zai-org/GLM-4.5", StoreSamples.T0) with { FormerRepoIds = [RepoId.Parse("THUDM/GLM-4.5")] }, Ct);
        await _db.Releases.TryAddReleaseAsync(Make("THUDM/glm-4-9b", StoreSamples.T0), Ct);
        await _db.Releases.TryAddReleaseAsync(Make("Qwen/Qwen3", StoreSamples.T0), Ct);

        var thudm = await _db.Releases.GetRepoIdsByOwnerAsync("thudm", Ct);
        var zai = await _db.Releases.GetRepoIdsByOwnerAsync("Zai-Org", Ct);

        Assert.Equal(["THUDM/GLM-4.5", "THUDM/glm-4-9b"], thudm.Select(id => id.ToString()).Order(StringComparer.Ordinal));
        Assert.Contains(RepoId.Parse("thudm/GLM-4-9B"), thudm);
        Assert.Equal([RepoId.Parse("zai-org/GLM-4.5")], zai);
        Assert.Empty(await _db.Releases.GetRepoIdsByOwnerAsync("nobody", Ct));
    }

    [Fact]
    public async Task GetDetectedBetweenAsync_Window_ExcludesFromIncludesTo()
    {
        var from = new DateTimeOffset(2025, 7, 28, 9, 0, 0, TimeSpan.FromHours(8));
        var to = from.AddDays(1);
        await _db.Releases.TryAddReleaseAsync(Make("a/at-from", from), Ct);
        await _db.Releases.TryAddReleaseAsync(Make("a/just-after", from.AddTicks(1).ToUniversalTime()), Ct);
        await _db.Releases.TryAddReleaseAsync(Make("a/at-to", to.ToOffset(TimeSpan.FromHours(-5))), Ct);
        await _db.Releases.TryAddReleaseAsync(Make("a/after-to", to.AddTicks(1)), Ct);

        var found = await _db.Releases.GetDetectedBetweenAsync(from, to, Ct);

        Assert.Equal(["a/just-after", "a/at-to"], found.Select(r => r.RepoId.ToString()));
    }

    [Fact]
    public async Task GetUnenrichedAsync_Max_OldestUnenrichedFirst()
    {
        await _db.Releases.TryAddReleaseAsync(Make("a/new", StoreSamples.T0.AddHours(2)), Ct);
        await _db.Releases.TryAddReleaseAsync(Make("a/old", StoreSamples.T0), Ct);
        await _db.Releases.TryAddReleaseAsync(Make("a/mid", StoreSamples.T0.AddHours(1)), Ct);
        await _db.Releases.UpsertReleaseAsync(Make("a/old", StoreSamples.T0) with { Enriched = true }, Ct);

        var unenriched = await _db.Releases.GetUnenrichedAsync(1, Ct);

        Assert.Equal(["a/mid"], unenriched.Select(r => r.RepoId.ToString()));
        Assert.Equal(3, await _db.Releases.CountReleasesAsync(Ct));
    }

    [Fact]
    public async Task TryAddReleaseAsync_SameIdTwice_SecondFalseAndFirstKept()
    {
        Assert.True(await _db.Releases.TryAddReleaseAsync(Make("a/b", StoreSamples.T0), Ct));
        Assert.False(await _db.Releases.TryAddReleaseAsync(Make("a/b", StoreSamples.T0.AddDays(1)) with { Title = "changed" }, Ct));

        var stored = await _db.Releases.GetReleaseAsync("hf:a/b", Ct);
        Assert.Equal("a/b", stored?.Title);
        Assert.Equal(StoreSamples.T0, stored?.DetectedAt);
    }

    [Fact]
    public async Task TryAddReleaseAsync_SameRepoOtherCase_FalseAndOneRow()
    {
        Assert.True(await _db.Releases.TryAddReleaseAsync(Make("Qwen/Qwen3", StoreSamples.T0), Ct));
        Assert.False(await _db.Releases.TryAddReleaseAsync(Make("qwen/qwen3", StoreSamples.T0), Ct));

        Assert.Equal(1, await _db.Releases.CountReleasesAsync(Ct));
    }

    [Fact]
    public async Task UpsertReleaseAsync_ExistingId_ReplacesAndReindexes()
    {
        await _db.Releases.TryAddReleaseAsync(Make("old/name", StoreSamples.T0), Ct);
        await _db.Releases.UpsertReleaseAsync(Make("old/name", StoreSamples.T0) with { RepoId = RepoId.Parse("new/name"), FormerRepoIds = [RepoId.Parse("old/name")] }, Ct);

        Assert.Equal("new/name", (await _db.Releases.FindByRepoIdAsync(RepoId.Parse("NEW/NAME"), Ct))?.RepoId?.ToString());
        Assert.Equal([RepoId.Parse("old/name")], await _db.Releases.GetRepoIdsByOwnerAsync("old", Ct));
        Assert.Equal(1, await _db.Releases.CountReleasesAsync(Ct));
    }
}
