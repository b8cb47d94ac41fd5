namespace ReleaseBot.Core.Ports;

/// <summary>Housekeeping of the store's file, asked for by the retention schedule.</summary>
public interface IStoreMaintenance
{
    /// <summary>
    /// Told how many rows a prune freed; rewrites the file to give the space back when enough of it is free to pay
    /// for the rewrite. True when it compacted.
    /// </summary>
    Task<bool> CompactIfWorthwhileAsync(int freedRows, CancellationToken cancellationToken);
}
