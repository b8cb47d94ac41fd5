using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ingest;
using ReleaseBot.Testing.Store;

namespace ReleaseBot.Tests.LiteDb;

/// <summary>Subscriptions, digests, watches, snapshots and vendors: unique keys and lookups.</summary>
public sealed class KeyedStoreTests : IDisposable
{
    private readonly TestStore _db = TestStore.Create();
    private static CancellationToken Ct => CancellationToken.None;
    private static DateTimeOffset T0 => StoreSamples.T0;

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task UpsertSubscriptionAsync_OtherIdSameChat_ThrowsAndKeepsFirst()
    {
        await _db.Subscriptions.UpsertSubscriptionAsync(StoreSamples.Subscription("sub-1", "-100"), Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _db.Subscriptions.UpsertSubscriptionAsync(StoreSamples.Subscription("sub-2", "-100"), Ct));

        Assert.Equal(["sub-1"], (await _db.Subscriptions.GetSubscriptionsAsync(false, Ct)).Select(s => s.Id));
    }

    [Fact]
    public async Task UpsertSubscriptionAsync_ChatMigrated_FoundByNewChatOnly()
    {
        var sub = StoreSamples.Subscription("sub-1", "-100");
        await _db.Subscriptions.UpsertSubscriptionAsync(sub, Ct);
        var migrated = sub with { Chat = new ChatAddress(Platform.Telegram, "-100999") };

        await _db.Subscriptions.UpsertSubscriptionAsync(migrated, Ct);

        Assert.Null(await _db.Subscriptions.FindByChatAsync(sub.Chat, Ct));
        Assert.Equal("sub-1", (await _db.Subscriptions.FindByChatAsync(new ChatAddress(Platform.Telegram, "-100999"), Ct))?.Id);
    }

    [Fact]
    public async Task GetSubscriptionsAsync_ActiveOnly_SkipsPausedOldestFirst()
    {
        await _db.Subscriptions.UpsertSubscriptionAsync(StoreSamples.Subscription("paused", "1"), Ct);
        await _db.Subscriptions.UpsertSubscriptionAsync(StoreSamples.Subscription("new", "2") with { Active = true, CreatedAt = T0.AddDays(1) }, Ct);
        await _db.Subscriptions.UpsertSubscriptionAsync(StoreSamples.Subscription("old", "3") with { Active = true, CreatedAt = T0.AddDays(-1) }, Ct);

        Assert.Equal(["old", "new"], (await _db.Subscriptions.GetSubscriptionsAsync(true, Ct)).Select(s => s.Id));
        Assert.Equal(["old", "paused", "new"], (await _db.Subscriptions.GetSubscriptionsAsync(false, Ct)).Select(s => s.Id));
    }

    [Fact]
    public async Task ReadSubscriptionsAsync_ManyPagesTiedTimesWritesBetween_EachActiveOnceInOrder()
    {
        // 450 subscriptions over three instants (ties broken by id), every seventh paused; the reader writes to each
        // one it is handed (as a planner commits between pages), which must neither repeat nor skip any.
        var all = Enumerable.Range(0, 450)
            .Select(i => StoreSamples.Subscription($"sub-{(i * 7919) % 450:D3}", $"chat-{i}") with
            {
                CreatedAt = T0.AddMinutes(i % 3),
                Active = i % 7 != 0,
            })
            .ToList();
        foreach (var sub in all)
        {
            await _db.Subscriptions.UpsertSubscriptionAsync(sub, Ct);
        }

        var read = new List<string>();
        await foreach (var sub in _db.Subscriptions.ReadSubscriptionsAsync(activeOnly: true, after: null, Ct))
        {
            read.Add(sub.Id);
            await _db.Subscriptions.UpsertSubscriptionAsync(sub with { ChatTitle = "seen" }, Ct);
        }

        var expected = all.Where(s => s.Active).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Select(s => s.Id), read);
        Assert.Equal(450, (await _db.Subscriptions.GetSubscriptionsAsync(false, Ct)).Count);

        // After a position (where a fan-out stopped): the rest, in the same order.
        var rest = new List<string>();
        await foreach (var sub in _db.Subscriptions.ReadSubscriptionsAsync(activeOnly: true, after: expected[250].Position, Ct))
        {
            rest.Add(sub.Id);
        }

        Assert.Equal(expected.Skip(251).Select(s => s.Id), rest);
    }

    [Fact]
    public async Task RepoInbox_KeptAcrossReopenOldestFirstAndReplayReplaces()
    {
        var glm = new RepoNotice { RepoId = RepoId.Parse("zai-org/GLM-4.5"), ReceivedAt = T0.AddSeconds(2) };
        var qwen = new RepoNotice { RepoId = RepoId.Parse("Qwen/Qwen3-Coder"), ReceivedAt = T0.AddSeconds(1) };
        var move = new RepoNotice { RepoId = RepoId.Parse("THUDM/GLM-4.5"), MovedTo = RepoId.Parse("zai-org/GLM-4.5"), ReceivedAt = T0.AddSeconds(3) };
        await _db.Inbox.AddAsync(glm, Ct);
        await _db.Inbox.AddAsync(qwen, Ct);
        await _db.Inbox.AddAsync(move, Ct);
        await _db.Inbox.AddAsync(glm with { ReceivedAt = T0.AddSeconds(4) }, Ct); // the Hub sent it again

        _db.Reopen();

        Assert.Equal([qwen, move, glm with { ReceivedAt = T0.AddSeconds(4) }], await _db.Inbox.GetAsync(10, Ct));
        Assert.Equal([qwen], await _db.Inbox.GetAsync(1, Ct));
        await _db.Inbox.RemoveAsync(qwen.Id, Ct);
        await _db.Inbox.RemoveAsync(move.Id, Ct);
        Assert.Equal([glm.Id], (await _db.Inbox.GetAsync(10, Ct)).Select(n => n.Id));
    }

    [Fact]
    public async Task DeleteSubscriptionAsync_ThenAgain_TrueThenFalseAndChatFree()
    {
        await _db.Subscriptions.UpsertSubscriptionAsync(StoreSamples.Subscription("sub-1", "-100"), Ct);

        Assert.True(await _db.Subscriptions.DeleteSubscriptionAsync("sub-1", Ct));
        Assert.False(await _db.Subscriptions.DeleteSubscriptionAsync("sub-1", Ct));
        await _db.Subscriptions.UpsertSubscriptionAsync(StoreSamples.Subscription("sub-2", "-100"), Ct);
        Assert.Equal("sub-2", (await _db.Subscriptions.FindByChatAsync(StoreSamples.Subscription("x", "-100").Chat, Ct))?.Id);
    }

    [Fact]
    public async Task DigestLog_SameDayTwice_SecondFalseAndLastIsNewestDate()
    {
        Assert.True(await _db.DigestLog.TryAddAsync(StoreSamples.Digest("sub-1", new DateOnly(2025, 7, 30)), Ct));
        Assert.False(await _db.DigestLog.TryAddAsync(StoreSamples.Digest("sub-1", new DateOnly(2025, 7, 30)) with { PlannedAt = T0.AddDays(9) }, Ct));
        Assert.True(await _db.DigestLog.TryAddAsync(StoreSamples.Digest("sub-1", new DateOnly(2025, 8, 1)), Ct));
        Assert.True(await _db.DigestLog.TryAddAsync(StoreSamples.Digest("sub-1", new DateOnly(2025, 7, 31)), Ct));
        Assert.True(await _db.DigestLog.TryAddAsync(StoreSamples.Digest("sub-2", new DateOnly(2026, 1, 1)), Ct));

        Assert.Equal(new DateOnly(2025, 8, 1), (await _db.DigestLog.GetLastAsync("sub-1", Ct))?.LocalDate);
        Assert.Null(await _db.DigestLog.GetLastAsync("sub-3", Ct));
    }

    [Fact]
    public async Task DigestLog_SameDayUnderOtherId_SecondFalse()
    {
        var record = StoreSamples.Digest("sub-1", new DateOnly(2025, 7, 30));
        Assert.True(await _db.DigestLog.TryAddAsync(record, Ct));

        Assert.False(await _db.DigestLog.TryAddAsync(record with { Id = "other-id" }, Ct));
    }

    [Fact]
    public async Task Watches_AddTwiceRemoveAndList_PerChatOrAll()
    {
        Assert.True(await _db.Watches.TryAddWatchAsync(StoreSamples.Watch("sub-1", "stepfun-ai/step3*"), Ct));
        Assert.False(await _db.Watches.TryAddWatchAsync(StoreSamples.Watch("sub-1", "STEPFUN-AI/step3*"), Ct));
        Assert.True(await _db.Watches.TryAddWatchAsync(StoreSamples.Watch("sub-2", "qwen/*") with { CreatedAt = T0.AddTicks(-1) }, Ct));

        Assert.Equal(["qwen/*", "stepfun-ai/step3*"], (await _db.Watches.GetWatchesAsync(null, Ct)).Select(w => w.Pattern));
        Assert.True(await _db.Watches.RemoveWatchAsync(WatchPattern.KeyFor("sub-1", "stepfun-ai/step3*"), Ct));
        Assert.False(await _db.Watches.RemoveWatchAsync(WatchPattern.KeyFor("sub-1", "stepfun-ai/step3*"), Ct));
        Assert.Empty(await _db.Watches.GetWatchesAsync("sub-1", Ct));
    }

    [Fact]
    public async Task Snapshots_AddTwiceAndQueryBefore_NewestStrictlyBefore()
    {
        Assert.True(await _db.Ranks.TryAddSnapshotAsync(StoreSamples.Snapshot("d1", T0), Ct));
        Assert.False(await _db.Ranks.TryAddSnapshotAsync(StoreSamples.Snapshot("d1", T0.AddDays(5)), Ct));
        Assert.True(await _db.Ranks.TryAddSnapshotAsync(StoreSamples.Snapshot("d3", T0.AddDays(2)), Ct));
        Assert.True(await _db.Ranks.TryAddSnapshotAsync(StoreSamples.Snapshot("d2", T0.AddDays(1)), Ct));

        Assert.Equal("d3", (await _db.Ranks.GetLatestSnapshotAsync(Ct))?.Id);
        Assert.Equal("d2", (await _db.Ranks.GetSnapshotBeforeAsync(T0.AddDays(2), Ct))?.Id);
        Assert.Equal("d1", (await _db.Ranks.GetSnapshotBeforeAsync(T0.AddDays(1).ToOffset(TimeSpan.Zero), Ct))?.Id);
        Assert.Null(await _db.Ranks.GetSnapshotBeforeAsync(T0, Ct));
    }

    [Fact]
    public async Task UpsertVendorsAsync_TwiceWithNewVendor_UpdatesAndKeepsFirstOrder()
    {
        await _db.Vendors.UpsertVendorsAsync([StoreSamples.Vendor("zhipu"), StoreSamples.Vendor("alibaba")], Ct);
        await _db.Vendors.UpsertVendorsAsync([StoreSamples.Vendor("alibaba") with { NameEn = "Alibaba" }, StoreSamples.Vendor("deepseek")], Ct);

        var vendors = await _db.Vendors.GetVendorsAsync(Ct);

        Assert.Equal(["zhipu", "alibaba", "deepseek"], vendors.Select(v => v.Id));
        Assert.Equal("Alibaba", vendors[1].NameEn);
    }

    [Fact]
    public async Task SetStateAsync_SchemaVersionKey_Refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _db.State.SetStateAsync("schema_version", "0", Ct));
    }
}
