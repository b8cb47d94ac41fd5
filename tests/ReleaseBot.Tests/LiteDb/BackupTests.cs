using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using ReleaseBot.Core.Retention;
using ReleaseBot.LiteDb;
using ReleaseBot.Testing.Hosting;
using ReleaseBot.Testing.Store;

namespace ReleaseBot.Tests.LiteDb;

/// <summary>Issue 10 (runbook): a backup of the data file taken while the bot writes opens alone and holds every acknowledged write.</summary>
public sealed class BackupTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private static CancellationToken Ct => CancellationToken.None;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task BackupAsync_WhileAWriterRuns_CopyOpensAloneWithEveryWriteAcknowledgedBefore()
    {
        using var store = LiteDbStore.Open(_dir.File("live.db"));
        var acknowledged = 0;
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                await store.Releases.UpsertReleaseAsync(StoreSamples.Release($"backup/model-{n}"), Ct);
                Volatile.Write(ref acknowledged, n + 1);
            }
        });
        await Wait.UntilAsync(() => Volatile.Read(ref acknowledged) >= 300, "300 writes before the backup");

        var before = Volatile.Read(ref acknowledged);
        var copy = await store.Maintenance.BackupAsync("backups/live-copy.db", Ct);
        await Wait.UntilAsync(() => Volatile.Read(ref acknowledged) >= before + 300, "300 more writes after the backup");
        await stop.CancelAsync();
        await writer;

        Assert.Equal(Path.Combine(_dir.Path, "backups", "live-copy.db"), copy);
        Assert.False(File.Exists(copy + ".partial"));
        using var restored = LiteDbStore.Open(copy);
        for (var n = 0; n < before; n++)
        {
            Assert.NotNull(await restored.Releases.FindByRepoIdAsync(Core.Domain.RepoId.Parse($"backup/model-{n}"), Ct));
        }

        // The live store kept writing through the backup and after it.
        Assert.NotNull(await store.Releases.FindByRepoIdAsync(Core.Domain.RepoId.Parse($"backup/model-{before + 299}"), Ct));
    }

    [Fact]
    public async Task BackupAsync_TargetIsTheDataFile_RefusedAndTheFileStillServes()
    {
        var path = _dir.File("self.db");
        using var store = LiteDbStore.Open(path);
        await store.Releases.UpsertReleaseAsync(StoreSamples.Release("self/kept"), Ct);

        var error = await Assert.ThrowsAsync<IOException>(() => store.Maintenance.BackupAsync("self.db", Ct));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.NotNull(await store.Releases.FindByRepoIdAsync(Core.Domain.RepoId.Parse("self/kept"), Ct));
    }

    [Fact]
    public async Task RunAsync_FolderBlockedByAFile_LogsTheFailureAndLeavesTheBlockerAsItWas()
    {
        using var store = LiteDbStore.Open(_dir.File("blocked.db"));
        var blocker = _dir.File("not-a-folder");
        await File.WriteAllTextAsync(blocker, "a file where the backup folder should be", Ct);
        var hash = SHA256.HashData(await File.ReadAllBytesAsync(blocker, Ct));
        var logger = new FakeLogger<StoreBackup>();
        var backup = new StoreBackup(store.Maintenance, new RetentionOptions { BackupPath = "not-a-folder/copy.db" },
            new FakeTimeProvider(), logger);
        using var stop = new CancellationTokenSource();

        var loop = backup.RunAsync(stop.Token);
        await Wait.UntilAsync(() => logger.Collector.Count > 0, "the failed backup's log line");
        await stop.CancelAsync();
        await loop;

        var line = logger.Collector.LatestRecord;
        Assert.Equal(1711, line.Id.Id);
        Assert.Equal(LogLevel.Error, line.Level);
        Assert.Contains("not-a-folder/copy.db", line.Message, StringComparison.Ordinal);
        Assert.Equal(hash, SHA256.HashData(await File.ReadAllBytesAsync(blocker, Ct)));
    }

    [Fact]
    public async Task Host_BackupPathSet_WritesTheCopyAtStart()
    {
        await using var bot = await BotFixture.StartAsync(new BotFixtureOptions()
            .With("ReleaseBot:Store:BackupPath", "backup.db")
            .With("ReleaseBot:HuggingFace:Enabled", "false"));
        var copy = Path.Combine(bot.Folder, "backup.db");

        await Wait.UntilAsync(() => File.Exists(copy), "the backup written at start");

        using var restored = LiteDbStore.Open(copy);
        Assert.Equal(StoreMigrations.CurrentVersion, restored.Database.SchemaVersion);
    }

    [Fact]
    public async Task Host_NoBackupPath_WritesNoCopy()
    {
        await using var bot = await BotFixture.StartAsync(new BotFixtureOptions().With("ReleaseBot:HuggingFace:Enabled", "false"));
        var backup = new StoreBackup(bot.Get<Core.Ports.IStoreMaintenance>(), bot.Get<RetentionOptions>(), bot.Time,
            new FakeLogger<StoreBackup>());

        await backup.RunAsync(CancellationToken.None);

        // The data file and LiteDB's journal beside it; no copy.
        Assert.Equal(["releasebot-log.db", "releasebot.db"], Directory.GetFiles(bot.Folder, "*.db").Select(Path.GetFileName).Order());
    }
}
