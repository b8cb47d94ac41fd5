using ReleaseBot.Core.Ports;
using ReleaseBot.LiteDb;
using ReleaseBot.Testing.Hosting;

namespace ReleaseBot.Testing.Store;

/// <summary>
/// The store of a <see cref="BotFixture"/> that is built but not started: a real LiteDB file in its own temp folder.
/// <see cref="Reopen"/> closes and opens the file again (a restart); dispose closes it and deletes the folder.
/// </summary>
public sealed class TestStore(BotFixture bot) : IDisposable
{
    /// <summary>Full path of the data file.</summary>
    public string Path => bot.Path;

    /// <summary>The folder holding the file; tests may put other files there.</summary>
    public string Folder => bot.Folder;

    public LiteDbStore Store => bot.Store;

    public IVendorStore Vendors => bot.Vendors;
    public IReleaseStore Releases => bot.Releases;
    public IRankStore Ranks => bot.Ranks;
    public ISubscriptionStore Subscriptions => bot.Subscriptions;
    public IOutbox Outbox => bot.Outbox;
    public IDigestLog DigestLog => bot.DigestLog;
    public IWatchStore Watches => bot.Watches;
    public IStateStore State => bot.State;
    public IRepoInbox Inbox => bot.Inbox;

    /// <summary>A fresh store; the file is open when this returns (the bot opens it lazily, on first use).</summary>
    public static TestStore Create()
    {
        var store = new TestStore(BotFixture.BuildWithoutStarting());
        _ = store.Store;
        return store;
    }

    /// <summary>Closes the file and opens it again, as a restart of the bot would.</summary>
    public void Reopen()
    {
        bot.Reopen();
        _ = bot.Store;
    }

    public void Dispose() => bot.Dispose();
}
