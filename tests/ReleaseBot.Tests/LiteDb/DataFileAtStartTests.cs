using System.Security.Cryptography;
using ReleaseBot.Core.Domain;
using ReleaseBot.LiteDb;
using ReleaseBot.Testing.Hosting;
using ReleaseBot.Testing.Store;

namespace ReleaseBot.Tests.LiteDb;

/// <summary>
/// The real bot as a child process started on a data file that will not open: it stops with one line naming the
/// file and what to do, a non-zero exit code (3 unreadable, 4 in use), and the file byte for byte as it was.
/// </summary>
public sealed class DataFileAtStartTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static CancellationToken Ct => CancellationToken.None;
    private readonly TempDirectory _dir = new();

    private string DataPath => Path.Combine(_dir.Path, "data", "bot.db");
    private string JournalPath => Path.Combine(_dir.Path, "data", "bot-log.db");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Start_GarbageDataFile_ExitsThreeNamingTheFileAndLeavesItAsItWas()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DataPath)!);
        await File.WriteAllBytesAsync(DataPath, Garbage(64 * 1024), Ct);

        var line = await AssertRefusedUnreadableAsync(DataPath);

        Assert.Contains("not a LiteDB file", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_DataFileTruncatedToHalf_ExitsThreeNamingTheFileAndLeavesItAsItWas()
    {
        await WriteStoreAsync(releases: 3000);
        await using (var file = new FileStream(DataPath, FileMode.Open))
        {
            file.SetLength(file.Length / 2);
        }

        var line = await AssertRefusedUnreadableAsync(DataPath);

        Assert.Contains("cut short", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_DataFileCutShortWhileAJournalExists_ExitsThreeAndLeavesItAsItWas()
    {
        await WriteCrashedStoreAsync(closedReleases: 3000, journalReleases: 20);
        await using (var file = new FileStream(DataPath, FileMode.Open))
        {
            file.SetLength(file.Length / 2);
        }

        var journal = Hash(JournalPath);

        var line = await AssertRefusedUnreadableAsync(DataPath);

        Assert.Contains("its journal does not hold page", line, StringComparison.Ordinal);
        Assert.Contains("cut short", line, StringComparison.Ordinal);
        Assert.Equal(journal, Hash(JournalPath));
    }

    [Fact]
    public async Task Open_FilesAsACrashLeftThem_JournalReplayedAndNothingRefused()
    {
        await WriteCrashedStoreAsync(closedReleases: 3000, journalReleases: 20);

        using var store = LiteDbStore.Open(DataPath);

        Assert.Equal(3020, await store.Releases.CountReleasesAsync(Ct));
    }

    [Fact]
    public async Task Start_PageDamagedInTheMiddle_ExitsThreeNamingThePage()
    {
        await WriteStoreAsync(releases: 3000);
        await using (var file = new FileStream(DataPath, FileMode.Open))
        {
            file.Position = 40 * 8192;
            await file.WriteAsync(Garbage(8192), Ct);
        }

        var line = await AssertRefusedUnreadableAsync(DataPath);

        Assert.Contains("page 40 (at byte 327680) is not the LiteDB page it should be", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_GarbageJournal_ExitsThreeAndLeavesBothFilesAsTheyWere()
    {
        await WriteStoreAsync(releases: 200);
        await File.WriteAllBytesAsync(JournalPath, Garbage(64 * 1024), Ct);
        var journal = Hash(JournalPath);

        var line = await AssertRefusedUnreadableAsync(DataPath);

        Assert.Contains(JournalPath + " holds no LiteDB page", line, StringComparison.Ordinal);
        Assert.Equal(journal, Hash(JournalPath));
    }

    [Fact]
    public async Task Start_FileOpenInAnotherStore_ExitsFourAndSaysToStopTheOtherBot()
    {
        await WriteStoreAsync(releases: 10);
        using var other = LiteDbStore.Open(DataPath);
        var before = Hash(DataPath);

        var line = await RefusedAsync(exitCode: 4);

        Assert.Contains(DataPath, line, StringComparison.Ordinal);
        Assert.Contains("in use by another ReleaseBot", line, StringComparison.Ordinal);
        Assert.Contains("Stop the other bot", line, StringComparison.Ordinal);
        Assert.Equal(before, Hash(DataPath));
        Assert.Equal(10, await other.Releases.CountReleasesAsync(Ct));
    }

    [Fact]
    public async Task Start_FileHeldByARunningBot_SecondBotExitsFourAndTheFirstGoesOn()
    {
        // Both bots run with .NET's locking at open switched off (the bot's project file): only the store's own
        // record lock stands between them.
        var settings = BotSettings.Defaults("data/bot.db");
        settings["ReleaseBot:Console:Mode"] = "On";
        await using var first = BotProcess.Start(_dir.Path, settings);
        await first.WriteLineAsync("/lang en");
        await first.WaitForOutputAsync(o => o.Contains("Language: English.", StringComparison.Ordinal), Timeout);

        var line = await RefusedAsync(exitCode: 4);

        Assert.Contains("in use by another ReleaseBot", line, StringComparison.Ordinal);
        await first.WriteLineAsync("/lang zh");
        await first.WaitForOutputAsync(o => o.Contains("语言：中文。", StringComparison.Ordinal), Timeout);
        first.CloseInput();
        Assert.Equal(0, await first.WaitForExitAsync(Timeout));
    }

    [Fact]
    public async Task Start_ZeroLengthDataFile_StartsANewStoreAndSaysSo()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DataPath)!);
        await File.WriteAllBytesAsync(DataPath, [], Ct);
        var settings = BotSettings.Defaults("data/bot.db");
        settings["ReleaseBot:Console:Mode"] = "On";

        await using var bot = BotProcess.Start(_dir.Path, settings);
        await bot.WriteLineAsync("/latest 1");
        bot.CloseInput();

        Assert.Equal(0, await bot.WaitForExitAsync(Timeout));
        Assert.Contains("[2002]", bot.StandardError, StringComparison.Ordinal);
        Assert.Contains(DataPath, bot.StandardError, StringComparison.Ordinal);
        using var store = LiteDbStore.Open(DataPath);
        Assert.Equal(StoreMigrations.CurrentVersion, store.Database.SchemaVersion);
    }

    /// <returns>The bot's one line.</returns>
    private async Task<string> AssertRefusedUnreadableAsync(string dataPath)
    {
        var before = Hash(dataPath);
        var length = new FileInfo(dataPath).Length;

        var line = await RefusedAsync(exitCode: 3);

        Assert.Contains(dataPath, line, StringComparison.Ordinal);
        Assert.Contains("Restore the last backup (ReleaseBot:Store:BackupPath)", line, StringComparison.Ordinal);
        Assert.Contains("aside to start with an empty store", line, StringComparison.Ordinal);
        Assert.Equal(length, new FileInfo(dataPath).Length);
        Assert.Equal(before, Hash(dataPath));
        return line;
    }

    /// <summary>Starts the bot on the data file, sees it exit with <paramref name="exitCode"/>, and returns its one line.</summary>
    private async Task<string> RefusedAsync(int exitCode)
    {
        await using var bot = BotProcess.Start(_dir.Path, BotSettings.Defaults("data/bot.db"));
        Assert.Equal(exitCode, await bot.WaitForExitAsync(Timeout));
        return ErrorLine(bot);
    }

    /// <summary>The one line the bot printed for the operator (the host may log more around it).</summary>
    private static string ErrorLine(BotProcess bot) =>
        bot.StandardError.Split('\n').SingleOrDefault(l => l.StartsWith("ReleaseBot cannot start:", StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"No 'ReleaseBot cannot start' line.\nstderr:\n{bot.StandardError}\nstdout:\n{bot.StandardOutput}");

    /// <summary>A real store with <paramref name="releases"/> rows, closed (so everything is in the data file).</summary>
    private async Task WriteStoreAsync(int releases)
    {
        using var store = LiteDbStore.Open(DataPath);
        var rows = Enumerable.Range(0, releases)
            .Select(i => StoreSamples.Release($"crash/model-{i:D5}") with { Notes = new string('n', 200) })
            .ToList();
        foreach (var batch in rows.Chunk(500))
        {
            await store.Releases.TryAddReleasesAsync(batch, Ct);
        }
    }

    /// <summary>
    /// The data file and journal as a killed bot leaves them: <paramref name="closedReleases"/> checkpointed into the
    /// data file, then <paramref name="journalReleases"/> committed only to the journal (copied while the store is open).
    /// </summary>
    private async Task WriteCrashedStoreAsync(int closedReleases, int journalReleases)
    {
        await WriteStoreAsync(closedReleases);
        var live = Path.Combine(_dir.Path, "live", "bot.db");
        Directory.CreateDirectory(Path.GetDirectoryName(live)!);
        File.Copy(DataPath, live);
        File.Delete(DataPath);
        using var store = LiteDbStore.Open(live);
        foreach (var i in Enumerable.Range(0, journalReleases))
        {
            await store.Releases.TryAddReleasesAsync([StoreSamples.Release($"late/model-{i:D3}")], Ct);
        }

        var liveJournal = Path.Combine(_dir.Path, "live", "bot-log.db");
        Assert.True(new FileInfo(liveJournal).Length > 0, "the journal holds the late commits");
        CopyShared(live, DataPath);
        CopyShared(liveJournal, JournalPath);
    }

    private static void CopyShared(string from, string to)
    {
        using var source = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var target = new FileStream(to, FileMode.Create);
        source.CopyTo(target);
    }

    private static byte[] Garbage(int length)
    {
        var bytes = new byte[length];
        new Random(10).NextBytes(bytes);
        return bytes;
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
