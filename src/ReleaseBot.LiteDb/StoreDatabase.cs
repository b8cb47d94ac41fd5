using System.Globalization;
using LiteDB;

namespace ReleaseBot.LiteDb;

/// <summary>
/// The one open LiteDB file, shared by every port. LiteDB's engine is thread-safe and commits each
/// single operation (insert, update, bulk insert) as its own transaction through the
/// <c>-log.db</c> journal, so a write that returned survives a killed process.
/// </summary>
public sealed class StoreDatabase : IDisposable
{
    private StoreDatabase(LiteDatabase database, string path)
    {
        Database = database;
        Path = path;
    }

    /// <summary>Full path of the data file.</summary>
    public string Path { get; }

    /// <summary>The schema version the file is at after opening.</summary>
    public int SchemaVersion { get; private set; }

    internal LiteDatabase Database { get; }

    /// <summary>Opens (or creates) the file and migrates it to <see cref="StoreMigrations.CurrentVersion"/>.</summary>
    public static StoreDatabase Open(string path)
    {
        var database = OpenRaw(path);
        var store = new StoreDatabase(database, System.IO.Path.GetFullPath(path));
        try
        {
            store.SchemaVersion = StoreMigrations.Run(database);
        }
        catch
        {
            database.Dispose();
            throw;
        }
        return store;
    }

    /// <summary>Opens the file without migrating it (tests build old-shaped files with this).</summary>
    public static LiteDatabase OpenRaw(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        var connection = new ConnectionString
        {
            Filename = fullPath,
            // One process owns the file; one shared instance serves every thread.
            Connection = ConnectionType.Direct,
            // Ordinal comparison: keys compare the same on every machine, and range scans over
            // composite keys (see DeliveryDocument.DueKey) rely on plain character order.
            // Case-insensitive lookups use explicit lower-case fields instead.
            Collation = new Collation(CultureInfo.InvariantCulture.LCID, CompareOptions.Ordinal),
        };
        return new LiteDatabase(connection);
    }

    internal ILiteCollection<BsonDocument> Collection(string name) => Database.GetCollection(name);

    public void Dispose() => Database.Dispose();
}
