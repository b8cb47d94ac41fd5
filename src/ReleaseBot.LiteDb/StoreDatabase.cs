using System.Globalization;
using LiteDB;
using LiteDB.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ReleaseBot.LiteDb;

/// <summary>
/// The one open LiteDB file, shared by every port. LiteDB's engine is thread-safe and commits each
/// single operation (insert, update, bulk insert) as its own transaction through the
/// <c>-log.db</c> journal, so a write that returned survives a killed process.
/// </summary>
public sealed partial class StoreDatabase : IDisposable
{
    private readonly FileStream _lock;

    private StoreDatabase(LiteDatabase database, string path, FileStream fileLock)
    {
        Database = database;
        Path = path;
        _lock = fileLock;
    }

    /// <summary>Journal pages (8 KB each) after which LiteDB copies them into the data file.</summary>
    public const int CheckpointPages = 100;

    /// <summary>Full path of the data file.</summary>
    public string Path { get; }

    /// <summary>The schema version the file is at after opening.</summary>
    public int SchemaVersion { get; private set; }

    internal LiteDatabase Database { get; }

    /// <summary>Opens (or creates) the file and migrates it to <see cref="StoreMigrations.CurrentVersion"/>.</summary>
    /// <exception cref="StoreOpenException">Another store has the file open, or the file cannot be read; the file is left as it was.</exception>
    public static StoreDatabase Open(string path, ILogger? logger = null)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        var fileLock = Lock(fullPath);
        LiteDatabase? database = null;
        try
        {
            WarnIfEmpty(fullPath, logger ?? NullLogger.Instance);
            DataFileCheck.ThrowIfDamaged(fullPath);
            database = OpenRaw(fullPath);
            // Measured on a bare LiteDB file (10,000 rows in batches of 500, three indexes): at the default of 1,000
            // pages the journal grew to 7 MB unchecked and index lookups slowed to ~2 ms (10,000 rows in 6.1 s); at 100
            // pages lookups stay ~0.03 ms (0.44 s). Commits still go to the journal first, so a kill loses nothing.
            // `bench scale 100000 1000` (batched import, no lookups): 100 / 1,000 / 10,000 pages all import in
            // 8.1–8.2 s, but the journal left behind makes the store 904 / 947 / 1,182 B per release.
            database.CheckpointSize = CheckpointPages;
            var store = new StoreDatabase(database, fullPath, fileLock);
            store.SchemaVersion = StoreMigrations.Run(database, logger ?? NullLogger.Instance);
            return store;
        }
        catch (Exception ex) when (ex is LiteException or IOException or InvalidDataException)
        {
            database?.Dispose();
            fileLock.Dispose();
            throw StoreOpenException.Unreadable(fullPath, ex);
        }
        catch
        {
            database?.Dispose();
            fileLock.Dispose();
            throw;
        }
    }

    /// <summary>
    /// LiteDB's direct mode opens the file shareable, and two writers would corrupt it; an exclusive lock on a side
    /// file, released by the OS if the process dies, makes a second bot on the same file fail at start instead. The
    /// lock is a record lock (<see cref="FileStream.Lock"/>, fcntl on Unix), which holds even where .NET's own
    /// locking at open is switched off, as the bot switches it off (see <see cref="RecoveringEngine"/>); where that
    /// locking is on, <see cref="FileShare.None"/> also refuses a second store in the same process.
    /// </summary>
    private static FileStream Lock(string fullPath)
    {
        var lockPath = fullPath + ".lock";
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(lockPath)!);
        FileStream? stream = null;
        try
        {
            stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            if (!OperatingSystem.IsMacOS()) // .NET has no record locks there; the bot runs on Linux (and Windows)
            {
                stream.Lock(0, 1);
            }

            return stream;
        }
        catch (IOException ex)
        {
            stream?.Dispose();
            throw StoreOpenException.InUse(fullPath, lockPath, ex);
        }
    }

    /// <summary>
    /// A 0-byte file holds nothing to lose: a first start killed before LiteDB wrote its header leaves one, and
    /// refusing it would need an operator for no gain. LiteDB starts a new store in it; the log says so.
    /// </summary>
    private static void WarnIfEmpty(string fullPath, ILogger logger)
    {
        if (File.Exists(fullPath) && new FileInfo(fullPath).Length == 0)
        {
            Log.EmptyFile(logger, fullPath);
        }
    }

    /// <summary>Opens the file without the lock and without migrating it (tests build old-shaped files with this).</summary>
    public static LiteDatabase OpenRaw(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        var settings = new EngineSettings
        {
            Filename = fullPath,
            // Ordinal comparison: keys compare the same on every machine, and range scans over
            // composite keys (see DeliveryDocument.DueKey) rely on plain character order.
            // Case-insensitive lookups use explicit lower-case fields instead.
            Collation = new Collation(CultureInfo.InvariantCulture.LCID, CompareOptions.Ordinal),
        };
        // One process owns the file; one shared engine (LiteDB's direct mode) serves every thread. Shared mode (a
        // mutex and a file open per operation) measured with `bench scale 20000 1000`: import 3.3 s against 2.4 s,
        // /subscribe 2.35 ms against 0.53 ms mean, command p50 0.78 ms against 0.21 ms.
        return new LiteDatabase(new RecoveringEngine(settings));
    }

    internal ILiteCollection<BsonDocument> Collection(string name) => Database.GetCollection(name);

    public void Dispose()
    {
        Database.Dispose();
        _lock.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "The data file {Path} was empty (0 bytes); starting a new store in it")]
        public static partial void EmptyFile(ILogger logger, string path);
    }
}
