namespace ReleaseBot.Core.Seed;

/// <summary>What importing one seed release did to the store.</summary>
public enum SeedMergeOutcome
{
    /// <summary>The repo was unknown: inserted.</summary>
    Inserted = 0,
    /// <summary>A seed-only row replaced with the file's newer facts.</summary>
    Updated = 1,
    /// <summary>A polled or enriched row: only its empty fields were filled from the seed.</summary>
    Filled = 2,
    /// <summary>Nothing to change.</summary>
    Unchanged = 3,
}
