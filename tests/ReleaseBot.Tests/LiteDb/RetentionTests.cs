using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Retention;
using ReleaseBot.LiteDb;
using ReleaseBot.Testing.Store;

namespace ReleaseBot.Tests.LiteDb;

/// <summary>Issue 9: finished rows are pruned after the retention period; pending rows never; a deleted chat's pending rows go with it.</summary>
public sealed class RetentionTests : IDisposable
{
    private static readonly DateTimeOffset Now = StoreSamples.T0.AddDays(100);
    private readonly TempDirectory _dir = new();
    private static CancellationToken Ct => CancellationToken.None;

    public void Dispose() => _dir.Dispose();

    private static Delivery Row(string subscription, string release, DeliveryState state, DateTimeOffset at) =>
        StoreSamples.Delivery(BotEvent.ReleaseDetected(StoreSamples.Release(release), at), subscription, state: state, nextAttemptAt: at) with
        {
            CreatedAt = at,
            SentAt = state == DeliveryState.Sent ? at : null,
        };

    [Fact]
    public async Task PruneAsync_OldFinishedAndFreshAndPendingRows_OnlyOldFinishedGo()
    {
        using var store = LiteDbStore.Open(_dir.File("retention.db"));
        var old = Now.AddDays(-31);
        Delivery[] rows =
        [
            Row("a", "Qwen/Old-Sent", DeliveryState.Sent, old),
            Row("a", "Qwen/Old-Dropped", DeliveryState.Dropped, old),
            Row("a", "Qwen/Old-Pending", DeliveryState.Pending, Now.AddDays(-400)),
            Row("a", "Qwen/Fresh-Sent", DeliveryState.Sent, Now.AddDays(-29)),
        ];
        Assert.Equal(4, (await store.Outbox.TryAddManyAsync(rows, Ct)).Count);
        var retention = new OutboxRetention(store.Outbox, store.Maintenance, new RetentionOptions(), new FakeTimeProvider(Now),
            NullLogger<OutboxRetention>.Instance);

        var pruned = await retention.PruneAsync(Ct);

        Assert.Equal(2, pruned.Deliveries);
        var left = await store.Outbox.GetBySubscriptionAsync("a", Ct);
        Assert.Equal(["release:hf:Qwen/Old-Pending", "release:hf:Qwen/Fresh-Sent"], left.Select(d => d.Event.Id).Order().Reverse());
        // The pending row still reads with its event, however old: the event was kept for it.
        Assert.Equal(DeliveryState.Pending, left.Single(d => d.Event.Id.Contains("Pending", StringComparison.Ordinal)).State);
        Assert.Equal(2, pruned.Events);
    }

    [Fact]
    public async Task PruneAsync_OldEventOfAnOpenFanOutWithNoRowsYet_Kept()
    {
        using var store = LiteDbStore.Open(_dir.File("open.db"));
        var old = BotEvent.ReleaseDetected(StoreSamples.Release("Qwen/Old-Open"), Now.AddDays(-400));
        await store.Outbox.OpenFanOutAsync(old, Now.AddDays(-400), Ct);
        var retention = new OutboxRetention(store.Outbox, store.Maintenance, new RetentionOptions(), new FakeTimeProvider(Now),
            NullLogger<OutboxRetention>.Instance);

        var pruned = await retention.PruneAsync(Ct);

        // Its rows are still to be written, and each will refer to it.
        Assert.Equal(0, pruned.Events);
        Assert.Equal(old.Id, Assert.Single(await store.Outbox.GetOpenFanOutsAsync(Ct)).Event.Id);
    }

    [Fact]
    public async Task DeleteSubscriptionAsync_WithPendingAndSentRows_PendingRowsGoSentStay()
    {
        using var store = LiteDbStore.Open(_dir.File("delete.db"));
        await store.Subscriptions.UpsertSubscriptionAsync(StoreSamples.Subscription("gone", "-100"), Ct);
        await store.Subscriptions.UpsertSubscriptionAsync(StoreSamples.Subscription("kept", "-200"), Ct);
        await store.Outbox.TryAddManyAsync(
        [
            Row("gone", "Qwen/A", DeliveryState.Pending, Now),
            Row("gone", "Qwen/B", DeliveryState.Sent, Now),
            Row("kept", "Qwen/A", DeliveryState.Pending, Now),
        ], Ct);

        Assert.True(await store.Subscriptions.DeleteSubscriptionAsync("gone", Ct));

        Assert.Equal([DeliveryState.Sent], (await store.Outbox.GetBySubscriptionAsync("gone", Ct)).Select(d => d.State));
        Assert.Single(await store.Outbox.GetDueAsync(Platform.Telegram, Now.AddDays(1), 10, Ct));
    }

    [Fact]
    public async Task TryAddManyAsync_FanOutOfOneEvent_EventStoredOnceAndRowsReadItBack()
    {
        var path = _dir.File("once.db");
        var e = BotEvent.ReleaseDetected(StoreSamples.Release(), Now);
        using (var store = LiteDbStore.Open(path))
        {
            var rows = Enumerable.Range(0, 300).Select(i => StoreSamples.Delivery(e, $"sub-{i}", nextAttemptAt: Now)).ToList();
            Assert.Equal(300, (await store.Outbox.TryAddManyAsync(rows, Ct)).Count);
            Assert.Empty(await store.Outbox.TryAddManyAsync(rows, Ct));
            Assert.All(await store.Outbox.GetDueAsync(Platform.Telegram, Now, 500, Ct), d => Assert.Equal(e, d.Event));
        }

        using var db = StoreDatabase.OpenRaw(path);
        Assert.Equal(1, db.GetCollection("events").Count());
        Assert.False(db.GetCollection("deliveries").FindAll().First().ContainsKey("Event"));
    }

    [Fact]
    public async Task Open_V2FileWithEmbeddedEvents_MigratedToEventsOnceAndRowsRead()
    {
        var path = _dir.File("v2.db");
        var e = BotEvent.ReleaseDetected(StoreSamples.Release(), StoreSamples.T0);
        using (var db = StoreDatabase.OpenRaw(path))
        {
            StoreMigrations.WriteVersion(db, 2);
            foreach (var (sub, state) in new[] { ("a", "Pending"), ("b", "Sent") })
            {
                db.GetCollection("deliveries").Insert(new BsonDocument
                {
                    ["_id"] = Delivery.KeyFor(sub, e.Id), ["SubscriptionId"] = sub, ["Platform"] = "Telegram", ["State"] = state,
                    ["Attempts"] = 0, ["CreatedAt"] = "2025-07-28T12:00:00.0000000+00:00", ["NextAttemptAt"] = "2025-07-28T12:00:00.0000000+00:00",
                    ["SentAt"] = state == "Sent" ? "2025-07-28T12:00:01.0000000+00:00" : BsonValue.Null,
                    ["PlatformMessageIds"] = new BsonArray(), ["LastError"] = BsonValue.Null,
                    ["Event"] = new BsonDocument
                    {
                        ["Id"] = e.Id, ["Kind"] = "ReleaseDetected", ["OccurredAt"] = "2025-07-28T20:15:30.1234567+08:00", ["ReleaseId"] = e.ReleaseId,
                        ["RankMove"] = BsonValue.Null, ["WatchPattern"] = BsonValue.Null, ["WatchSubscriptionId"] = BsonValue.Null,
                        ["DigestDate"] = BsonValue.Null, ["CoversFrom"] = BsonValue.Null, ["CoversTo"] = BsonValue.Null,
                    },
                });
            }
        }

        using (var store = LiteDbStore.Open(path))
        {
            Assert.Equal(StoreMigrations.CurrentVersion, store.Database.SchemaVersion);
            Assert.Equal(e.Id, (await store.Outbox.GetAsync(Delivery.KeyFor("a", e.Id), Ct))?.Event.Id);
            Assert.Equal(DeliveryState.Sent, (await store.Outbox.GetAsync(Delivery.KeyFor("b", e.Id), Ct))?.State);
            // The sent row got its finish time: a prune far enough ahead takes it, and the pending row stays.
            Assert.Equal(1, (await store.Outbox.PruneAsync(StoreSamples.T0.AddDays(60), Ct)).Deliveries);
            Assert.NotNull(await store.Outbox.GetAsync(Delivery.KeyFor("a", e.Id), Ct));
        }

        using var raw = StoreDatabase.OpenRaw(path);
        Assert.Equal(1, raw.GetCollection("events").Count());
    }
}
