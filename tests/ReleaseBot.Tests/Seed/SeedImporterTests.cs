using Microsoft.Extensions.Logging.Abstractions;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Seed;

namespace ReleaseBot.Tests.Seed;

public sealed class SeedImporterTests
{
    private readonly InMemorySeedStore _store = new();

    private SeedImporter Importer => new(_store, _store, _store, _store, NullLogger<SeedImporter>.Instance);

    [Fact]
    public async Task ImportAsync_BundledFilesOnEmptyStore_LoadsEverything()
    {
        var result = await Importer.ImportAsync(await BundledSeed.ReadAsync(), CancellationToken.None);

        Assert.False(result.Skipped);
        Assert.Equal(SharedSeedFacts.Repos.Length, result.Inserted);
        Assert.Equal(SharedSeedFacts.Repos.Length, await _store.CountReleasesAsync(CancellationToken.None));
        Assert.Equal(SharedSeedFacts.Vendors.Length, (await _store.GetVendorsAsync(CancellationToken.None)).Count);
        Assert.Equal(1, (await _store.GetLatestSnapshotAsync(CancellationToken.None))!.RankOf(RepoId.Parse("zai-org/GLM-4.5")));
        Assert.Equal(result.Hash, await _store.GetStateAsync(SeedImporter.HashStateKey, CancellationToken.None));
    }

    [Fact]
    public async Task ImportAsync_BundledFiles_LatestFindsTheNewestSeedReleasesOffline()
    {
        await Importer.ImportAsync(await BundledSeed.ReadAsync(), CancellationToken.None);

        var latest = await _store.GetLatestAsync("alibaba", 2, officialOnly: true, CancellationToken.None);

        Assert.All(latest, r => Assert.StartsWith("Qwen/Qwen3-30B-A3B-Thinking-2507", r.RepoId.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ImportAsync_SameFilesTwice_SecondChangesNothing()
    {
        var files = new SeedFileBuilder().Build();
        await Importer.ImportAsync(files, CancellationToken.None);
        var writes = _store.Writes;

        var second = await Importer.ImportAsync(files, CancellationToken.None);

        Assert.True(second.Skipped);
        Assert.Equal(writes, _store.Writes);
    }

    [Fact]
    public async Task ImportAsync_ChangedFile_ReimportsOnlyWhatChanged()
    {
        var files = new SeedFileBuilder();
        await Importer.ImportAsync(files.Build(), CancellationToken.None);
        files.Release(0)["licence"] = "apache-2.0";

        var result = await Importer.ImportAsync(files.Build(), CancellationToken.None);

        Assert.False(result.Skipped);
        Assert.Equal((0, 1, 1), (result.Inserted, result.Updated, result.Unchanged));
        Assert.Equal("apache-2.0", (await _store.FindByRepoIdAsync(RepoId.Parse("zai-org/GLM-4.5"), CancellationToken.None))!.Licence);
        Assert.Equal(0, result.SnapshotsAdded);
    }

    [Fact]
    public async Task ImportAsync_ReleaseEnrichedAfterSeeding_IsNotClobbered()
    {
        var files = new SeedFileBuilder();
        await Importer.ImportAsync(files.Build(), CancellationToken.None);
        var seeded = (await _store.FindByRepoIdAsync(RepoId.Parse("zai-org/GLM-4.5"), CancellationToken.None))!;
        var enriched = seeded with { TotalParams = 358_000_000_000, Gated = false, HasModelCard = true, Enriched = true };
        await _store.UpsertReleaseAsync(enriched, CancellationToken.None);
        files.Release(0)["totalParams"] = 400_000_000_000;
        files.Release(0)["notes"] = "edited";

        var result = await Importer.ImportAsync(files.Build(), CancellationToken.None);

        Assert.Equal(0, result.Updated);
        Assert.Equal(enriched, await _store.FindByRepoIdAsync(RepoId.Parse("zai-org/GLM-4.5"), CancellationToken.None));
    }

    [Fact]
    public async Task ImportAsync_ReleaseAPollerFoundFirst_KeepsItsFactsAndGainsTheArticleDate()
    {
        var polled = new Release
        {
            Id = "hf:zai-org/GLM-4.5",
            RepoId = RepoId.Parse("zai-org/GLM-4.5"),
            VendorId = "zhipu",
            Title = "GLM-4.5",
            DetectedAt = new DateTimeOffset(2025, 7, 28, 9, 0, 0, TimeSpan.Zero),
            CreatedAt = new DateTimeOffset(2025, 7, 20, 0, 0, 0, TimeSpan.Zero),
            TotalParams = 358_000_000_000,
            Licence = "mit",
            FoundBy = DiscoveryPath.VendorPoll,
            Enriched = true,
        };
        await _store.TryAddReleaseAsync(polled, CancellationToken.None);

        var result = await Importer.ImportAsync(new SeedFileBuilder().Build(), CancellationToken.None);

        var stored = (await _store.FindByRepoIdAsync(RepoId.Parse("zai-org/GLM-4.5"), CancellationToken.None))!;
        Assert.Equal((1, 1), (result.Inserted, result.Filled));
        Assert.Equal(DiscoveryPath.VendorPoll, stored.FoundBy);
        Assert.Equal(polled.DetectedAt, stored.DetectedAt);
        Assert.Equal(polled.CreatedAt, stored.CreatedAt);
        Assert.Equal((358_000_000_000L, (long?)null), (stored.TotalParams, stored.ActiveParams));
        Assert.Equal(new DateTimeOffset(2025, 7, 28, 0, 0, 0, TimeSpan.FromHours(8)), stored.PublishedAt);
        Assert.Equal("GLM-4.5", stored.Family);
        Assert.Equal(Modality.Text, stored.Modality);
    }

    [Fact]
    public async Task ImportAsync_RepoStoredUnderItsFormerId_IsMatchedNotDuplicated()
    {
        var files = new SeedFileBuilder();
        files.Release(0)["formerRepoIds"] = new System.Text.Json.Nodes.JsonArray("THUDM/GLM-4.5");
        await Importer.ImportAsync(files.Build(), CancellationToken.None);

        var found = await _store.FindByRepoIdAsync(RepoId.Parse("THUDM/GLM-4.5"), CancellationToken.None);

        Assert.Equal("zai-org/GLM-4.5", found!.RepoId.ToString());
        Assert.Equal(2, await _store.CountReleasesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ImportAsync_MalformedFile_ChangesNothingAndKeepsOldHash()
    {
        var files = new SeedFileBuilder();
        await Importer.ImportAsync(files.Build(), CancellationToken.None);
        var writes = _store.Writes;
        var hash = await _store.GetStateAsync(SeedImporter.HashStateKey, CancellationToken.None);
        files.Release(0)["status"] = "Leaked";

        await Assert.ThrowsAsync<SeedFormatException>(() => Importer.ImportAsync(files.Build(), CancellationToken.None));

        Assert.Equal(writes, _store.Writes);
        Assert.Equal(hash, await _store.GetStateAsync(SeedImporter.HashStateKey, CancellationToken.None));
    }
}
