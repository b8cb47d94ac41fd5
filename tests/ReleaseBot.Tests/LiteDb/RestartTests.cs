using ReleaseBot.Core.Domain;
using ReleaseBot.Testing.Store;
using static ReleaseBot.Tests.LiteDb.StoreSamples;

namespace ReleaseBot.Tests.LiteDb;

public sealed class RestartTests : IDisposable
{
    private readonly TestStore _db = TestStore.Create();
    private static CancellationToken Ct => CancellationToken.None;

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Reopen_AfterWritesToEveryPort_EverythingReadsBack()
    {
        var delivery = Delivery(DigestEvent(), nextAttemptAt: T0.AddMinutes(-1));
        await _db.Vendors.UpsertVendorsAsync([Vendor("b"), Vendor("a")], Ct);
        await _db.Releases.TryAddReleaseAsync(Release(), Ct);
        await _db.Ranks.TryAddSnapshotAsync(Snapshot(), Ct);
        await _db.Subscriptions.UpsertSubscriptionAsync(Subscription(), Ct);
        await _db.Outbox.TryAddAsync(delivery, Ct);
        await _db.DigestLog.TryAddAsync(Digest(), Ct);
        await _db.Watches.TryAddWatchAsync(Watch(), Ct);
        await _db.State.SetStateAsync("offset", "42", Ct);

        _db.Reopen();

        StoreAssert.Same<IReadOnlyList<Vendor>>([Vendor("b"), Vendor("a")], await _db.Vendors.GetVendorsAsync(Ct));
        StoreAssert.Same(Release(), await _db.Releases.FindByRepoIdAsync(RepoId.Parse("qwen/qwen3-old"), Ct));
        StoreAssert.Same(Snapshot(), await _db.Ranks.GetLatestSnapshotAsync(Ct));
        StoreAssert.Same(Subscription(), await _db.Subscriptions.FindByChatAsync(Subscription().Chat, Ct));
        StoreAssert.Same<IReadOnlyList<Delivery>>([delivery], await _db.Outbox.GetDueAsync(delivery.Platform, T0, 10, Ct));
        StoreAssert.Same(Digest(), await _db.DigestLog.GetLastAsync("sub-1", Ct));
        StoreAssert.Same<IReadOnlyList<WatchPattern>>([Watch()], await _db.Watches.GetWatchesAsync(null, Ct));
        Assert.Equal("42", await _db.State.GetStateAsync("offset", Ct));
    }

    [Fact]
    public async Task Reopen_AfterRestart_UniqueKeysStillHold()
    {
        await _db.Releases.TryAddReleaseAsync(Release(), Ct);
        await _db.Outbox.TryAddAsync(Delivery(), Ct);

        _db.Reopen();

        Assert.False(await _db.Releases.TryAddReleaseAsync(Release(), Ct));
        Assert.False(await _db.Outbox.TryAddAsync(Delivery(), Ct));
        Assert.Equal(1, await _db.Releases.CountReleasesAsync(Ct));
    }

    [Fact]
    public void Open_FreshFile_FolderCreatedAndSchemaCurrent()
    {
        var path = Path.Combine(_db.Folder, "nested", "deeper", "bot.db");

        using var store = ReleaseBot.LiteDb.LiteDbStore.Open(path);

        Assert.True(File.Exists(path));
        Assert.Equal(ReleaseBot.LiteDb.StoreMigrations.CurrentVersion, store.Database.SchemaVersion);
    }

    [Fact]
    public async Task Open_FileAlreadyOpen_SecondOpenFailsAndFirstKeepsWorking()
    {
        var error = Assert.Throws<ReleaseBot.LiteDb.StoreOpenException>(() => ReleaseBot.LiteDb.LiteDbStore.Open(_db.Path));

        Assert.Equal(ReleaseBot.LiteDb.StoreOpenFailure.InUse, error.Failure);
        Assert.Contains("in use by another ReleaseBot", error.Message, StringComparison.Ordinal);
        await _db.State.SetStateAsync("still", "works", Ct);
        _db.Reopen();
        Assert.Equal("works", await _db.State.GetStateAsync("still", Ct));
    }
}
