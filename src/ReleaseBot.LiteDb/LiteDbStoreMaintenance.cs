using System.Globalization;
using LiteDB;
using Microsoft.Extensions.Logging;
using ReleaseBot.Core.Ports;

namespace ReleaseBot.LiteDb;

/// <summary>
/// Compacts the file (LiteDB's rebuild) when pruning has freed about as many rows as the outbox still holds. LiteDB
/// reuses freed pages for new rows, so a file in steady state does not grow; a rebuild only gives space back to the
/// disk, and it holds every write for its duration, so it runs when at least half of the outbox's pages are free.
/// A backup and a compaction never run at once: both rewrite or read the whole file.
/// </summary>
public sealed partial class LiteDbStoreMaintenance(StoreDatabase store, ILogger logger) : IStoreMaintenance
{
    /// <summary>State key: rows pruned since the last compaction.</summary>
    public const string FreedKey = "store:freed-since-compaction";

    /// <summary>Below this many freed rows a rebuild returns too little to be worth a pause.</summary>
    public const int MinFreedRows = 50_000;

    private readonly ILiteCollection<BsonDocument> _state = store.Collection(Collections.State);
    private readonly SemaphoreSlim _fileWork = new(1, 1);

    public async Task<bool> CompactIfWorthwhileAsync(int freedRows, CancellationToken cancellationToken)
    {
        await _fileWork.WaitAsync(cancellationToken);
        try
        {
            return Compact(freedRows);
        }
        finally
        {
            _fileWork.Release();
        }
    }

    public async Task<string> BackupAsync(string destination, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(destination, Path.GetDirectoryName(store.Path)!);
        if (string.Equals(target, store.Path, StringComparison.Ordinal))
        {
            throw new IOException($"The backup path {target} is the data file itself; choose another file.");
        }

        await _fileWork.WaitAsync(cancellationToken);
        try
        {
            await CopyAsync(target, cancellationToken);
        }
        finally
        {
            _fileWork.Release();
        }

        Log.BackedUp(logger, target, new FileInfo(target).Length);
        return target;
    }

    /// <summary>
    /// LiteDB commits to its journal (<c>-log.db</c>) and only a checkpoint writes the data file. With automatic
    /// checkpoints off, one checkpoint brings every acknowledged write into the data file, which then holds still
    /// while it is copied; writes meanwhile go to the journal and reach the file at the next checkpoint.
    /// </summary>
    private async Task CopyAsync(string target, CancellationToken cancellationToken)
    {
        var partial = target + ".partial";
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        store.Database.CheckpointSize = 0;
        try
        {
            store.Database.Checkpoint();
            await using (var source = new FileStream(store.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            await using (var copy = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                await source.CopyToAsync(copy, cancellationToken);
                copy.Flush(flushToDisk: true);
            }
        }
        finally
        {
            store.Database.CheckpointSize = StoreDatabase.CheckpointPages;
        }

        File.Move(partial, target, overwrite: true);
    }

    private bool Compact(int freedRows)
    {
        var freed = ReadFreed() + Math.Max(0, freedRows);
        var live = store.Collection(Collections.Deliveries).LongCount() + store.Collection(Collections.Events).LongCount();
        if (freed < Math.Max(MinFreedRows, live))
        {
            WriteFreed(freed);
            return false;
        }

        var before = FileBytes();
        store.Database.Rebuild();
        WriteFreed(0);
        Log.Compacted(logger, freed, before, FileBytes());
        return true;
    }

    private long ReadFreed() =>
        _state.FindById(FreedKey) is { } doc ? long.Parse(doc["Value"].AsString, CultureInfo.InvariantCulture) : 0;

    private void WriteFreed(long freed) =>
        _state.Upsert(new BsonDocument { ["_id"] = FreedKey, ["Value"] = freed.ToString(CultureInfo.InvariantCulture) });

    private long FileBytes() => new FileInfo(store.Path).Length;

    private static partial class Log
    {
        [LoggerMessage(EventId = 2101, Level = LogLevel.Information,
            Message = "Compacted the data file after {Freed} pruned rows: {Before} bytes → {After} bytes")]
        public static partial void Compacted(ILogger logger, long freed, long before, long after);

        [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Backed up the data file to {Target} ({Bytes} bytes)")]
        public static partial void BackedUp(ILogger logger, string target, long bytes);
    }
}
