using System.Collections;
using System.Reflection;
using LiteDB;
using LiteDB.Engine;
using ReleaseBot.LiteDb;
using ReleaseBot.Testing.Store;

namespace ReleaseBot.Tests.LiteDb;

/// <summary>LiteDB 5.0.21 stops its engine for good on a failed internal check; the store opens the file again.</summary>
public sealed class EngineFailureTests : IDisposable
{
    private const int PageSize = 8192;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Read_PageThatFailsLiteDbsCheck_ThatCallFailsThenTheStoreOpensTheFileAgain()
    {
        var path = _dir.File("engine.db");
        using (var setup = StoreDatabase.OpenRaw(path))
        {
            setup.GetCollection("kept").Insert(new BsonDocument { ["_id"] = "committed" });
            setup.Checkpoint();
        }

        using var db = StoreDatabase.OpenRaw(path);
        // Page 1 is the collection's page; nothing has read it since the open. Zeroed, it fails LiteDB's page check
        // (as a page read while another transaction creates its collection does, LiteDB #2792), which stops the engine.
        var page = ReadPage(path, 1);
        WritePage(path, 1, new byte[PageSize]);
        var failure = Assert.Throws<LiteException>(() => db.GetCollection("kept").Count());
        Assert.Equal(LiteException.INVALID_DATAFILE_STATE, failure.ErrorCode);
        WritePage(path, 1, page);

        // The next call opens the file again: what was committed reads, and writes go on.
        Assert.Equal(["committed"], db.GetCollection("kept").FindAll().Select(d => d["_id"].AsString));
        db.GetCollection("kept").Insert(new BsonDocument { ["_id"] = "after" });
        Assert.Equal(2, db.GetCollection("kept").Count());
    }

    [Fact]
    public void Call_AfterTheStoreIsDisposed_FailsAndDoesNotOpenTheFileAgain()
    {
        var path = _dir.File("disposed.db");
        var db = StoreDatabase.OpenRaw(path);
        db.GetCollection("kept").Insert(new BsonDocument { ["_id"] = "committed" });
        db.Dispose();

        var late = Assert.Throws<LiteException>(() => db.GetCollection("kept").Count());

        Assert.Equal(LiteException.ENGINE_DISPOSED, late.ErrorCode);
        using var next = LiteDbStore.Open(path); // nothing holds the file
    }

    [Fact]
    public void OpenTransactions_AnEngineWithAWriteUnderWay_FoundThroughLiteDbsPrivateFields()
    {
        // The store takes a closed engine's leftover transactions off the finalizer queue by reading LiteDB 5.0.21's
        // private fields; after an upgrade that renames them this fails, instead of the protection silently going.
        using var engine = new LiteEngine(new EngineSettings { Filename = _dir.File("fields.db") });
        engine.BeginTrans();
        engine.Insert("kept", [new BsonDocument { ["_id"] = "uncommitted" }], BsonAutoId.ObjectId);
        var open = typeof(StoreDatabase).Assembly.GetType("ReleaseBot.LiteDb.RecoveringEngine", throwOnError: true)!
            .GetMethod("OpenTransactions", BindingFlags.NonPublic | BindingFlags.Static)!;

        var transactions = (IList)open.Invoke(null, [engine])!;

        Assert.Equal("TransactionService", Assert.Single(transactions.Cast<object>()).GetType().Name);
        engine.Rollback();
    }

    private static byte[] ReadPage(string path, int id)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var page = new byte[PageSize];
        file.Position = (long)id * PageSize;
        file.ReadExactly(page);
        return page;
    }

    private static void WritePage(string path, int id, byte[] page)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        file.Position = (long)id * PageSize;
        file.Write(page);
    }
}
