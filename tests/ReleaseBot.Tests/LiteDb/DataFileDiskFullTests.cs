using ReleaseBot.Core.Domain;
using ReleaseBot.LiteDb;
using ReleaseBot.Testing.Store;

namespace ReleaseBot.Tests.LiteDb;

/// <summary>
/// The store on a real 8 MB tmpfs filled up mid-write: the failing write throws (the callers' loops log it and try
/// again on their next tick), every write that returned before is in the file, and once space returns the same open
/// store takes writes again, without a restart.
/// </summary>
public sealed class DataFileDiskFullTests
{
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

    private static Release Release(int i) =>
        StoreSamples.Release($"diskfull/model-{i:D5}") with { Notes = new string('n', 2000) };
}
