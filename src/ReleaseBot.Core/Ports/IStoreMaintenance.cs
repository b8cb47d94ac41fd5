namespace ReleaseBot.Core.Ports;

/// <summary>Housekeeping of the store's file, asked for by the retention and backup schedules.</summary>
public interface IStoreMaintenance
{
    /// <summary>
    /// Told how many rows a prune freed; rewrites the file to give the space back when enough of it is free to pay
    /// for the rewrite. True when it compacted.
    /// </summary>
    Task<bool> CompactIfWorthwhileAsync(int freedRows, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a consistent copy of the store to <paramref name="destination"/> while the bot keeps running: every
    /// write acknowledged before the call is in it. The copy appears whole or not at all (written beside it, then
    /// moved). A relative path is taken from the data file's folder. Returns the copy's full path.
    /// </summary>
    Task<string> BackupAsync(string destination, CancellationToken cancellationToken);
}
