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
    public void Open_NewAndV1Files_EveryCollectionExistsBeforeItsFirstWrite()
    {
        // LiteDB fails a read of a collection while another transaction creates it (#2792); a fan-out's first commit
        // created fan_outs while the fan-out service read it.
        string[] lazy = ["vendors", "to_announce", "to_ingest", "fan_outs"];
        foreach (var path in new[] { _dir.File("new.db"), WriteV1File() })
        {
            LiteDbStore.Open(path).Dispose();
            using var raw = StoreDatabase.OpenRaw(path);
            Assert.Superset(lazy.ToHashSet(), raw.GetCollectionNames().ToHashSet());
            Assert.All(lazy, name => Assert.Equal(0, raw.GetCollection(name).Count()));
        }
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

    /// <summary>
    /// A v4 file: subscriptions ordered by a CreatedTicks field sorted in memory, delivery rows found by a SubscriptionId
    /// index. Made from a current file by undoing what v5 and v6 changed.
    /// </summary>
    private async Task<string> WriteV4FileAsync()
    {
        var path = _dir.File("v4.db");
        using (var store = LiteDbStore.Open(path))
        {
            // Created in reverse id order, two at the same instant: the order is creation time, then id.
            await store.Subscriptions.UpsertSubscriptionAsync(StoreSamples.Subscription("sub-c", "1") with { CreatedAt = StoreSamples.T0, Active = true }, Ct);
            await store.Subscriptions.UpsertSubscriptionAsync(StoreSamples.Subscription("sub-b", "2") with { CreatedAt = StoreSamples.T0, Active = true }, Ct);
            await store.Subscriptions.UpsertSubscriptionAsync(StoreSamples.Subscription("sub-a", "3") with { CreatedAt = StoreSamples.T0.AddSeconds(1), Active = true }, Ct);
            await store.Outbox.TryAddAsync(StoreSamples.Delivery(subscriptionId: "sub-b"), Ct);
            await store.Outbox.TryAddAsync(StoreSamples.Delivery(subscriptionId: "sub-a"), Ct);
        }

        using var raw = StoreDatabase.OpenRaw(path);
        var subscriptions = raw.GetCollection("subscriptions");
        subscriptions.DropIndex("OrderKey");
        foreach (var doc in subscriptions.FindAll().ToList())
        {
            doc.Remove("OrderKey");
            doc["CreatedTicks"] = StoreSamples.T0.UtcTicks + (doc["_id"] == "sub-a" ? TimeSpan.TicksPerSecond : 0);
            subscriptions.Update(doc);
        }

        raw.GetCollection("deliveries").EnsureIndex("SubscriptionId");
        StoreMigrations.WriteVersion(raw, 4);
        return path;
    }

    [Fact]
    public async Task Open_V4File_SubscriptionsPagedInCreationOrderAndRowsFoundBySubscription()
    {
        var path = await WriteV4FileAsync();

        using (var store = LiteDbStore.Open(path))
        {
            Assert.Equal(["sub-b", "sub-c", "sub-a"], (await store.Subscriptions.GetSubscriptionsAsync(true, Ct)).Select(s => s.Id));
            Assert.Equal(["sub-b|" + StoreSamples.RankEvent().Id], (await store.Outbox.GetBySubscriptionAsync("sub-b", Ct)).Select(d => d.Id));
            Assert.True(await store.Subscriptions.DeleteSubscriptionAsync("sub-a", Ct));
            Assert.Empty(await store.Outbox.GetBySubscriptionAsync("sub-a", Ct));
            Assert.Single(await store.Outbox.GetBySubscriptionAsync("sub-b", Ct));
        }

        using var raw = StoreDatabase.OpenRaw(path);
        var indexes = raw.GetCollection("$indexes").FindAll().ToList();
        Assert.Contains(indexes, i => i["collection"] == "subscriptions" && i["name"] == "OrderKey");
        Assert.DoesNotContain(indexes, i => i["collection"] == "deliveries" && i["name"] == "SubscriptionId");
        Assert.All(raw.GetCollection("subscriptions").FindAll(), d => Assert.False(d.ContainsKey("CreatedTicks")));
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
