namespace ReleaseBot.Core.Seed;

/// <summary>What one import did; <see cref="Skipped"/> when the files' hash matched the stored one.</summary>
public sealed record SeedImportResult(
    string Hash,
    bool Skipped,
    int Vendors = 0,
    int Inserted = 0,
    int Updated = 0,
    int Filled = 0,
    int Unchanged = 0,
    int SnapshotsAdded = 0);
