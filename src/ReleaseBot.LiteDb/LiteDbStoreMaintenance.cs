using System.Globalization;
using LiteDB;
using Microsoft.Extensions.Logging;
using ReleaseBot.Core.Ports;

namespace ReleaseBot.LiteDb;

/// <summary>
/// Compacts the file (LiteDB's rebuild) when pruning has freed about as many rows as the outbox still holds. LiteDB
/// reuses freed pages for new rows, so a file in steady state does not grow; a rebuild only gives space back to the
/// disk, and it holds every write for its duration, so it runs when at least half of the outbox's pages are free.
/// </summary>
public sealed partial class LiteDbStoreMaintenance(StoreDatabase store, ILogger logger) : IStoreMaintenance
{
    /// <summary>State key: rows pruned since the last compaction.</summary>
    public const string FreedKey = "store:freed-since-compaction";

    /// <summary>Below this many freed rows a rebuild returns too little to be worth a pause.</summary>
    public const int MinFreedRows = 50_000;

    private readonly ILiteCollection<BsonDocument> _state = store.Collection(Collections.State);

    public Task<bool> CompactIfWorthwhileAsync(int freedRows, CancellationToken cancellationToken)
    {
        var freed = ReadFreed() + Math.Max(0, freedRows);
        var live = store.Collection(Collections.Deliveries).LongCount() + store.Collection(Collections.Events).LongCount();
        if (freed < Math.Max(MinFreedRows, live))
        {
            WriteFreed(freed);
            return Task.FromResult(false);
        }

        var before = FileBytes();
        store.Database.Rebuild();
        WriteFreed(0);
        Log.Compacted(logger, freed, before, FileBytes());
        return Task.FromResult(true);
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
    }
}
