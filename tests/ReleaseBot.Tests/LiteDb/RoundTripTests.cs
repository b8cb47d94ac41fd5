using ReleaseBot.Core.Domain;
using ReleaseBot.Testing.Store;
using static ReleaseBot.Tests.LiteDb.StoreSamples;

namespace ReleaseBot.Tests.LiteDb;

public sealed class RoundTripTests : IDisposable
{
    private readonly TestStore _db = TestStore.Create();
    private static CancellationToken Ct => CancellationToken.None;

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Vendor_UpsertThenRead_EveryFieldKept()
    {
        await _db.Vendors.UpsertVendorsAsync([Vendor()], Ct);

        StoreAssert.Same<IReadOnlyList<Vendor>>([Vendor()], await _db.Vendors.GetVendorsAsync(Ct));
    }

    [Fact]
    public async Task Release_AddThenRead_EveryFieldAndOffsetKept()
    {
        var release = Release();
        Assert.True(await _db.Releases.TryAddReleaseAsync(release, Ct));

        var read = await _db.Releases.GetReleaseAsync(release.Id, Ct);

        StoreAssert.Same(release, read);
        Assert.Equal(TimeSpan.FromHours(8), read!.DetectedAt.Offset);
        Assert.Equal(release.DetectedAt.Ticks, read.DetectedAt.Ticks);
    }

    [Fact]
    public async Task Release_MinimalFields_NullsStayNull()
    {
        var release = new Release { Id = "hf:a/b", RepoId = RepoId.Parse("a/b"), Title = "b", DetectedAt = T0 };
        await _db.Releases.UpsertReleaseAsync(release, Ct);

        StoreAssert.Same(release, await _db.Releases.GetReleaseAsync("hf:a/b", Ct));
    }

    [Fact]
    public async Task Snapshot_AddThenRead_EntriesWithGapsKept()
    {
        Assert.True(await _db.Ranks.TryAddSnapshotAsync(Snapshot(), Ct));

        StoreAssert.Same(Snapshot(), await _db.Ranks.GetLatestSnapshotAsync(Ct));
    }

    [Fact]
    public async Task Subscription_UpsertThenRead_FilterAndTimesKept()
    {
        await _db.Subscriptions.UpsertSubscriptionAsync(Subscription(), Ct);

        StoreAssert.Same(Subscription(), await _db.Subscriptions.GetSubscriptionAsync("sub-1", Ct));
        StoreAssert.Same(Subscription(), await _db.Subscriptions.FindByChatAsync(Subscription().Chat, Ct));
    }

    [Theory]
    [InlineData(EventKind.RankChanged)]
    [InlineData(EventKind.Digest)]
    public async Task Delivery_AddThenRead_NestedEventKept(EventKind kind)
    {
        var delivery = Delivery(kind == EventKind.RankChanged ? RankEvent() : DigestEvent());
        Assert.True(await _db.Outbox.TryAddAsync(delivery, Ct));

        var read = await _db.Outbox.GetAsync(delivery.Id, Ct);

        StoreAssert.Same(delivery, read);
        Assert.Equal(delivery.Event.RankMove, read!.Event.RankMove);
    }

    [Fact]
    public async Task Digest_AddThenRead_DateAndWindowKept()
    {
        Assert.True(await _db.DigestLog.TryAddAsync(Digest(), Ct));

        StoreAssert.Same(Digest(), await _db.DigestLog.GetLastAsync("sub-1", Ct));
    }

    [Fact]
    public async Task Watch_AddThenRead_PatternCaseKept()
    {
        Assert.True(await _db.Watches.TryAddWatchAsync(Watch(), Ct));

        StoreAssert.Same<IReadOnlyList<WatchPattern>>([Watch()], await _db.Watches.GetWatchesAsync("sub-1", Ct));
    }

    [Fact]
    public async Task State_SetThenGet_ValueKept()
    {
        await _db.State.SetStateAsync("telegram:offset", "12345", Ct);
        await _db.State.SetStateAsync("telegram:offset", "12346", Ct);

        Assert.Equal("12346", await _db.State.GetStateAsync("telegram:offset", Ct));
        Assert.Null(await _db.State.GetStateAsync("missing", Ct));
    }
}
