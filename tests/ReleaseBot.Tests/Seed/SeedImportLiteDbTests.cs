using Microsoft.Extensions.Logging.Abstractions;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Seed;
using ReleaseBot.Testing.Store;

namespace ReleaseBot.Tests.Seed;

/// <summary>The bundled seed through the real LiteDB store, across a restart.</summary>
public sealed class SeedImportLiteDbTests : IDisposable
{
    private readonly TestStore _db = TestStore.Create();

    private SeedImporter Importer => new(_db.Vendors, _db.Releases, _db.Ranks, _db.State, NullLogger<SeedImporter>.Instance);

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task ImportAsync_AfterRestartWithSameFiles_IsSkippedAndDataStays()
    {
        var first = await Importer.ImportAsync(await BundledSeed.ReadAsync(), CancellationToken.None);
        _db.Reopen();

        var second = await Importer.ImportAsync(await BundledSeed.ReadAsync(), CancellationToken.None);

        Assert.Equal(SharedSeedFacts.Repos.Length, first.Inserted);
        Assert.True(second.Skipped);
        Assert.Equal(SharedSeedFacts.Repos.Length, await _db.Releases.CountReleasesAsync(CancellationToken.None));
        Assert.Equal(SharedSeedFacts.Vendors.Length, (await _db.Vendors.GetVendorsAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task ImportAsync_BundledFiles_AnswerModelRankAndLatestFromTheStore()
    {
        await Importer.ImportAsync(await BundledSeed.ReadAsync(), CancellationToken.None);
        _db.Reopen();

        var glm = await _db.Releases.FindByRepoIdAsync(RepoId.Parse("zai-org/glm-4.5"), CancellationToken.None);
        var snapshot = await _db.Ranks.GetLatestSnapshotAsync(CancellationToken.None);
        var latestQwen = await _db.Releases.GetLatestAsync("alibaba", 3, officialOnly: true, CancellationToken.None);
        var thudm = await _db.Releases.FindByRepoIdAsync(RepoId.Parse("THUDM/GLM-4.1V-9B-Thinking"), CancellationToken.None);

        Assert.Equal((355_000_000_000L, 32_000_000_000L, "mit"), (glm!.TotalParams!.Value, glm.ActiveParams!.Value, glm.Licence));
        Assert.Equal(DiscoveryPath.Seed, glm.FoundBy);
        Assert.Equal(1, snapshot!.RankOf(RepoId.Parse("zai-org/GLM-4.5")));
        Assert.Equal("seed", snapshot.Source);
        Assert.Equal(8, snapshot.Entries.Count(e => e.RepoId is not null || e.VendorId is not null));
        Assert.Equal("alibaba", Assert.Single(snapshot.Entries, e => e.Rank == 9).VendorId);
        Assert.Equal("Qwen/Qwen3-30B-A3B-Thinking-2507", latestQwen[0].RepoId.ToString());
        Assert.Equal("zai-org/GLM-4.1V-9B-Thinking", thudm!.RepoId.ToString());
    }

    [Fact]
    public async Task ImportAsync_ChangedFileAfterEnrichment_KeepsEnrichedRowAndUpdatesSeedRows()
    {
        await Importer.ImportAsync(await BundledSeed.ReadAsync(), CancellationToken.None);
        var seeded = (await _db.Releases.FindByRepoIdAsync(RepoId.Parse("zai-org/GLM-4.5"), CancellationToken.None))!;
        var enriched = seeded with { TotalParams = 358_000_000_000, Gated = false, Enriched = true };
        await _db.Releases.UpsertReleaseAsync(enriched, CancellationToken.None);
        var source = await BundledSeed.ReadAsync();
        var edited = System.Text.Encoding.UTF8.GetString(source.ReleasesJson.Span)
            .Replace("\"licence\": \"mit\"", "\"licence\": \"apache-2.0\"", StringComparison.Ordinal);

        var result = await Importer.ImportAsync(source with { ReleasesJson = System.Text.Encoding.UTF8.GetBytes(edited) }, CancellationToken.None);

        var glm = (await _db.Releases.FindByRepoIdAsync(RepoId.Parse("zai-org/GLM-4.5"), CancellationToken.None))!;
        var air = (await _db.Releases.FindByRepoIdAsync(RepoId.Parse("zai-org/GLM-4.5-Air"), CancellationToken.None))!;
        Assert.Equal((358_000_000_000L, "mit", true), (glm.TotalParams!.Value, glm.Licence, glm.Enriched));
        Assert.Equal("apache-2.0", air.Licence);
        Assert.True(result.Updated > 0);
        Assert.Equal(0, result.Inserted);
    }
}
