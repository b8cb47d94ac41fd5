using LiteDB;
using ReleaseBot.Core.Domain;
using ReleaseBot.LiteDb;
using ReleaseBot.Testing.Store;

namespace ReleaseBot.Tests.LiteDb;

public sealed class MigrationTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private static CancellationToken Ct => CancellationToken.None;

    public void Dispose() => _dir.Dispose();

    /// <summary>Writes a file as a v1 build did: releases without the derived query fields.</summary>
    private string WriteV1File()
    {
        var path = _dir.File("v1.db");
        using var db = StoreDatabase.OpenRaw(path);
        db.GetCollection("releases").Insert(
        [
            new BsonDocument
            {
                ["_id"] = "hf:zai-org/GLM-4.5", ["RepoId"] = "zai-org/GLM-4.5", ["VendorId"] = "zhipu", ["Title"] = "GLM-4.5",
                ["DetectedAt"] = "2025-07-28T12:00:00.0000000+00:00", ["PublishedAt"] = "2025-07-28T20:00:00.0000001+08:00",
                ["FormerRepoIds"] = new BsonArray(new BsonValue("THUDM/GLM-4.5")), ["Official"] = true,
            },
            new BsonDocument
            {
                ["_id"] = "hf:Qwen/Qwen3-Coder", ["RepoId"] = "Qwen/Qwen3-Coder", ["VendorId"] = "alibaba", ["Title"] = "Qwen3-Coder",
                ["DetectedAt"] = "2025-07-23T00:00:00.0000000+00:00", ["Official"] = true,
                ["TotalParams"] = 480_000_000_000L, ["ActiveParams"] = 35_000_000_000L, ["ParamsEstimated"] = true,
            },
        ]);
        db.GetCollection("releases").EnsureIndex("VendorId");
        StoreMigrations.WriteVersion(db, 1);
        return path;
    }

    [Fact]
    public async Task Open_V1File_MigratedToCurrentAndQueriesWork()
    {
        var path = WriteV1File();

        using var store = LiteDbStore.Open(path);

        Assert.Equal(StoreMigrations.CurrentVersion, store.Database.SchemaVersion);
        Assert.Equal(["GLM-4.5", "Qwen3-Coder"], (await store.Releases.GetLatestAsync(null, 5, true, Ct)).Select(r => r.Title));
        Assert.Equal(["Qwen3-Coder"], (await store.Releases.GetLatestAsync("alibaba", 5, true, Ct)).Select(r => r.Title));
        Assert.Equal("zai-org/GLM-4.5", (await store.Releases.FindByRepoIdAsync(RepoId.Parse("thudm/glm-4.5"), Ct))?.RepoId.ToString());
        Assert.Equal([RepoId.Parse("THUDM/GLM-4.5")], await store.Releases.GetRepoIdsByOwnerAsync("THUDM", Ct));
        var glm = await store.Releases.GetReleaseAsync("hf:zai-org/GLM-4.5", Ct);
        Assert.Equal(new DateTimeOffset(2025, 7, 28, 20, 0, 0, TimeSpan.FromHours(8)).AddTicks(1), glm?.PublishedAt);
        Assert.Equal(TimeSpan.FromHours(8), glm?.PublishedAt?.Offset);
    }

    [Fact]
    public async Task Open_V1File_OneEstimateFlagCoversBothFiguresAndNoHistoryOrCaveats()
    {
        var path = WriteV1File();

        using var store = LiteDbStore.Open(path);

        var coder = await store.Releases.FindByRepoIdAsync(RepoId.Parse("Qwen/Qwen3-Coder"), Ct);
        Assert.NotNull(coder);
        Assert.True(coder.TotalParamsEstimated);
        Assert.True(coder.ActiveParamsEstimated);
        Assert.Empty(coder.StatusHistory);
        Assert.Empty(coder.Caveats);
        var glm = await store.Releases.FindByRepoIdAsync(RepoId.Parse("zai-org/GLM-4.5"), Ct);
        Assert.False(glm!.TotalParamsEstimated);
    }

    [Fact]
    public void Open_V1File_VersionStoredSoNextOpenRunsNothing()
    {
        var path = WriteV1File();
        using (LiteDbStore.Open(path))
        {
        }

        using var raw = StoreDatabase.OpenRaw(path);
        Assert.Equal(StoreMigrations.CurrentVersion, StoreMigrations.ReadVersion(raw));
        // Schema v4's short names: the sort key and the former-id index.
        Assert.All(raw.GetCollection("releases").FindAll(), d => Assert.True(d["sk"].IsString));
        Assert.Contains(raw.GetCollection("$indexes").FindAll(), i => i["collection"] == "releases" && i["name"] == "fk");
    }

    [Fact]
    public void Open_FileFromNewerBuild_RefusesWithClearMessage()
    {
        var path = _dir.File("future.db");
        using (var raw = StoreDatabase.OpenRaw(path))
        {
            StoreMigrations.WriteVersion(raw, StoreMigrations.CurrentVersion + 1);
        }

        var error = Assert.Throws<InvalidOperationException>(() => LiteDbStore.Open(path));

        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
    }
}
