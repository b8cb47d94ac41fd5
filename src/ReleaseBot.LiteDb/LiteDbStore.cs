using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ReleaseBot.Core.Ports;

namespace ReleaseBot.LiteDb;

/// <summary>Every store port over one open file. Disposing it closes the file.</summary>
public sealed class LiteDbStore : IDisposable
{
    private LiteDbStore(StoreDatabase database, ILogger logger)
    {
        Database = database;
        Vendors = new LiteDbVendorStore(database);
        Releases = new LiteDbReleaseStore(database);
        Ranks = new LiteDbRankStore(database);
        Subscriptions = new LiteDbSubscriptionStore(database);
        Outbox = new LiteDbOutbox(database);
        DigestLog = new LiteDbDigestLog(database);
        Watches = new LiteDbWatchStore(database);
        State = new LiteDbStateStore(database);
        Inbox = new LiteDbRepoInbox(database);
        Maintenance = new LiteDbStoreMaintenance(database, logger);
    }

    public StoreDatabase Database { get; }
    public IVendorStore Vendors { get; }
    public IReleaseStore Releases { get; }
    public IRankStore Ranks { get; }
    public ISubscriptionStore Subscriptions { get; }
    public IOutbox Outbox { get; }
    public IDigestLog DigestLog { get; }
    public IWatchStore Watches { get; }
    public IStateStore State { get; }
    public IRepoInbox Inbox { get; }
    public IStoreMaintenance Maintenance { get; }

    /// <summary>Opens (or creates) the file at <paramref name="path"/> and migrates it.</summary>
    public static LiteDbStore Open(string path, ILogger? logger = null) => new(StoreDatabase.Open(path, logger), logger ?? NullLogger.Instance);

    public void Dispose() => Database.Dispose();
}
