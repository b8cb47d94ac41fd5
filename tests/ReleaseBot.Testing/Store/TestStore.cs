using ReleaseBot.Core.Ports;
using ReleaseBot.LiteDb;

namespace ReleaseBot.Testing.Store;

/// <summary>
/// A real LiteDB store on a file in its own temp folder. <see cref="Reopen"/> closes and opens the
/// file again (a restart); dispose closes it and deletes the folder.
/// </summary>
public sealed class TestStore : IDisposable
{
    private readonly TempDirectory _directory;

    private TestStore(TempDirectory directory)
    {
        _directory = directory;
        Path = directory.File("releasebot.db");
        Store = LiteDbStore.Open(Path);
    }

    /// <summary>Full path of the data file.</summary>
    public string Path { get; }

    /// <summary>The folder holding the file; tests may put other files there.</summary>
    public string Folder => _directory.Path;

    public LiteDbStore Store { get; private set; }

    public IVendorStore Vendors => Store.Vendors;
    public IReleaseStore Releases => Store.Releases;
    public IRankStore Ranks => Store.Ranks;
    public ISubscriptionStore Subscriptions => Store.Subscriptions;
    public IOutbox Outbox => Store.Outbox;
    public IDigestLog DigestLog => Store.DigestLog;
    public IWatchStore Watches => Store.Watches;
    public IStateStore State => Store.State;

    public static TestStore Create() => new(new TempDirectory());

    /// <summary>Closes the file and opens it again, as a restart of the bot would.</summary>
    public void Reopen()
    {
        Store.Dispose();
        Store = LiteDbStore.Open(Path);
    }

    public void Dispose()
    {
        Store.Dispose();
        _directory.Dispose();
    }
}
