using Microsoft.Extensions.Logging;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;

namespace ReleaseBot.Core.Seed;

/// <summary>
/// Loads the bundled vendors, release history and trending snapshots into the store on first start
/// and again whenever the files change (compared by hash). Idempotent, and it publishes no events:
/// seed history is background knowledge, not news.
/// </summary>
public sealed partial class SeedImporter(
    IVendorStore vendorStore,
    IReleaseStore releaseStore,
    IRankStore rankStore,
    IStateStore stateStore,
    ILogger<SeedImporter> logger)
{
    /// <summary>State key holding the hash of the last imported files.</summary>
    public const string HashStateKey = "seed:hash";

    /// <summary>Releases per commit.</summary>
    public const int Batch = 500;

    public async Task<SeedImportResult> ImportAsync(SeedSource source, CancellationToken cancellationToken)
    {
        var hash = source.ComputeHash();
        if (await stateStore.GetStateAsync(HashStateKey, cancellationToken) == hash)
        {
            Log.Unchanged(logger, hash);
            return new SeedImportResult(hash, Skipped: true);
        }

        // Two reads of the release file, never all of it in memory: the first checks everything (a malformed file
        // changes nothing), the second streams the releases into the store.
        var catalog = SeedCatalog.Check(source);
        await vendorStore.UpsertVendorsAsync(catalog.Vendors, cancellationToken);

        // A first start has nothing to merge with, and the file names each repo id once (SeedReleaseReader): looking
        // each release up, or checking its keys before inserting, would be pure cost (at 100,000 releases, ~3 s of 10).
        var storeWasEmpty = await releaseStore.CountReleasesAsync(cancellationToken) == 0;
        var counts = new int[Enum.GetValues<SeedMergeOutcome>().Length];
        // A batch per commit: one transaction per row cost ~3 ms of every row of a 100,000-release history.
        // The hash is written last, so an import cut short anywhere is repeated (merging, not duplicating) at the next start.
        foreach (var chunk in SeedCatalog.ReadReleases(source, catalog.Vendors).Chunk(Batch))
        {
            var inserts = new List<Release>(chunk.Length);
            var updates = new List<Release>();
            foreach (var seed in chunk)
            {
                var existing = storeWasEmpty ? null : await releaseStore.FindByRepoIdAsync(seed.RepoId, cancellationToken);
                var (write, outcome) = SeedReleaseMerge.Merge(existing, seed);
                if (write is not null)
                {
                    (outcome == SeedMergeOutcome.Inserted ? inserts : updates).Add(write);
                }

                counts[(int)outcome]++;
            }

            await (storeWasEmpty
                ? releaseStore.AddNewReleasesAsync(inserts, cancellationToken)
                : releaseStore.TryAddReleasesAsync(inserts, cancellationToken));
            await releaseStore.UpsertReleasesAsync(updates, cancellationToken);
        }

        var snapshotsAdded = 0;
        foreach (var snapshot in catalog.Snapshots)
        {
            // Snapshots are history: an id already stored keeps its first version.
            snapshotsAdded += await rankStore.TryAddSnapshotAsync(snapshot, cancellationToken) ? 1 : 0;
        }

        // Written last, so an import cut short is simply repeated at the next start.
        await stateStore.SetStateAsync(HashStateKey, hash, cancellationToken);

        var result = new SeedImportResult(
            hash,
            Skipped: false,
            Vendors: catalog.Vendors.Count,
            Inserted: counts[(int)SeedMergeOutcome.Inserted],
            Updated: counts[(int)SeedMergeOutcome.Updated],
            Filled: counts[(int)SeedMergeOutcome.Filled],
            Unchanged: counts[(int)SeedMergeOutcome.Unchanged],
            SnapshotsAdded: snapshotsAdded);
        Log.Imported(logger, result.Vendors, result.Inserted, result.Updated, result.Filled, result.Unchanged, result.SnapshotsAdded);
        return result;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1501, Level = LogLevel.Debug, Message = "Seed files unchanged (hash {Hash}); nothing to import")]
        public static partial void Unchanged(ILogger logger, string hash);

        [LoggerMessage(EventId = 1502, Level = LogLevel.Information,
            Message = "Seed imported: {Vendors} vendors; releases {Inserted} new, {Updated} updated, {Filled} filled, {Unchanged} unchanged; {Snapshots} snapshots added")]
        public static partial void Imported(ILogger logger, int vendors, int inserted, int updated, int filled, int unchanged, int snapshots);
    }
}
