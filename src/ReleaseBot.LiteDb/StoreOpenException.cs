namespace ReleaseBot.LiteDb;

/// <summary>Why the data file could not be opened at start; the host turns each into its own exit code.</summary>
public enum StoreOpenFailure
{
    /// <summary>The file is not a LiteDB file, or is damaged (truncated, overwritten, a garbage journal).</summary>
    Unreadable,

    /// <summary>Another store, in this or another process, holds the file's lock.</summary>
    InUse,
}

/// <summary>
/// The data file could not be opened. The message is one line for an operator: the full path, what is wrong and
/// what to do. The file is left exactly as it was.
/// </summary>
public sealed class StoreOpenException(StoreOpenFailure failure, string message, Exception? innerException)
    : IOException(message, innerException)
{
    public StoreOpenFailure Failure { get; } = failure;

    internal static StoreOpenException Unreadable(string fullPath, Exception cause) => new(
        StoreOpenFailure.Unreadable,
        $"The data file {fullPath} cannot be read ({cause.GetType().Name}: {cause.Message.TrimEnd('.')}); it was left as it is. " +
        $"Restore the last backup (ReleaseBot:Store:BackupPath) in its place, or move it (and {JournalPath(fullPath)}, if there is one) aside to start with an empty store.",
        cause);

    internal static StoreOpenException InUse(string fullPath, string lockPath, Exception cause) => new(
        StoreOpenFailure.InUse,
        $"The data file {fullPath} is in use by another ReleaseBot (its lock {lockPath} is held). " +
        "Stop the other bot, or give this one its own ReleaseBot:DataPath.",
        cause);

    /// <summary>LiteDB's journal beside <paramref name="fullPath"/>: <c>bot.db</c> → <c>bot-log.db</c>.</summary>
    internal static string JournalPath(string fullPath) =>
        Path.Combine(Path.GetDirectoryName(fullPath)!, Path.GetFileNameWithoutExtension(fullPath) + "-log" + Path.GetExtension(fullPath));
}
