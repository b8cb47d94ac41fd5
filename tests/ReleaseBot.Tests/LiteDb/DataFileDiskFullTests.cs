using ReleaseBot.Core.Domain;
using ReleaseBot.LiteDb;
using ReleaseBot.Testing.Hosting;
using ReleaseBot.Testing.Store;

namespace ReleaseBot.Tests.LiteDb;

/// <summary>
/// The store on a real tmpfs filled up mid-write: the failing write throws (a command answers "something went
/// wrong" and logs the cause; the loops log it and try again on their next tick), every write that returned before
/// is in the file, and once space returns the same running store takes writes again, without a restart.
/// </summary>
[Collection(SmallDiskCollection.Name)]
public sealed class DataFileDiskFullTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static CancellationToken Ct => CancellationToken.None;

    [SmallDiskFact]
    public async Task Write_DiskFullThenFreed_FailsClearlyKeepsEveryAcknowledgedWriteAndRecovers()
    {
        using var disk = SmallDisk.Mount(megabytes: 8);
        var path = Path.Combine(disk.Path, "bot.db");
        var acknowledged = new List<string>();
        Exception? failure = null;

        using (var store = LiteDbStore.Open(path))
        {
            var filler = disk.Fill(disk.FreeBytes - 512 * 1024);
            for (var i = 0; i < 10_000 && failure is null; i++)
            {
                var release = Release(i);
                try
                {
                    await store.Releases.TryAddReleaseAsync(release, Ct);
                    acknowledged.Add(release.Id);
                }
                catch (Exception ex)
                {
                    failure = ex;
                }
            }

            Assert.NotNull(failure);
            Assert.Contains("No space left on device", failure.ToString(), StringComparison.Ordinal);
            Assert.NotEmpty(acknowledged);
            // Still full: the store keeps failing clearly and does not wedge.
            await Assert.ThrowsAnyAsync<Exception>(() => store.Releases.TryAddReleaseAsync(Release(20_000), Ct));

            File.Delete(filler);

            Assert.True(await store.Releases.TryAddReleaseAsync(Release(30_000), Ct), "a write after space returned");
            Assert.NotNull(await store.Releases.GetReleaseAsync(acknowledged[^1], Ct));
        }

        using var reopened = LiteDbStore.Open(path);
        foreach (var id in acknowledged)
        {
            Assert.NotNull(await reopened.Releases.GetReleaseAsync(id, Ct));
        }

        Assert.NotNull(await reopened.Releases.GetReleaseAsync(Release(30_000).Id, Ct));
    }

    [SmallDiskFact]
    public async Task Run_DiskFullWhileRunning_CommandFailsClearlyAndTheBotAnswersOnceSpaceReturns()
    {
        using var workingDirectory = new TempDirectory();
        using var disk = SmallDisk.Mount(megabytes: 16);
        var settings = BotSettings.Defaults(Path.Combine(disk.Path, "bot.db"));
        settings["ReleaseBot:Console:Mode"] = "On";
        await using var bot = BotProcess.Start(workingDirectory.Path, settings);
        await bot.WriteLineAsync("/lang en");
        await bot.WaitForOutputAsync(o => o.Contains("Language: English.", StringComparison.Ordinal), Timeout);

        var filler = disk.Fill(disk.FreeBytes - 4096);
        await bot.WriteLineAsync("/lang zh");
        await bot.WaitForOutputAsync(o => o.Contains("Something went wrong on my side", StringComparison.Ordinal), Timeout);
        File.Delete(filler);
        await bot.WriteLineAsync("/lang zh");
        await bot.WaitForOutputAsync(o => o.Contains("语言：中文。", StringComparison.Ordinal), Timeout);
        bot.CloseInput();

        Assert.Equal(0, await bot.WaitForExitAsync(Timeout));
        Assert.Contains("[1001]", bot.StandardError, StringComparison.Ordinal);
        Assert.Contains("No space left on device", bot.StandardError, StringComparison.Ordinal);
    }

    private static Release Release(int i) =>
        StoreSamples.Release($"diskfull/model-{i:D5}") with { Notes = new string('n', 2000) };
}
