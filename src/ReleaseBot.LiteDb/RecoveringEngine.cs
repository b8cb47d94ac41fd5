using System.Collections;
using System.Reflection;
using LiteDB;
using LiteDB.Engine;

namespace ReleaseBot.LiteDb;

/// <summary>
/// LiteDB 5 stops its engine for good on any <see cref="IOException"/> and on any failed internal check (a
/// <see cref="LiteException"/> with <see cref="LiteException.INVALID_DATAFILE_STATE"/>; <c>EngineState.Handle</c>):
/// after one write hits a full disk, every later call throws the same "No space left on device", even once space
/// returns, and a read that meets a collection another transaction is creating (LiteDB #2792) stops it as well. This
/// engine opens the file again at the first call after such a failure. Nothing acknowledged is lost by that: every
/// commit that returned is in the journal, and the failed one never was.
/// When the failed write was to the journal while another thread was reading, LiteDB 5.0.21 leaves that reader's
/// journal handle open, and with .NET's file locking on, its lock refuses the new open ("being used by another
/// process") until the process ends. The bot therefore runs with <c>System.IO.DisableFileLocking</c> (its project
/// file) and keeps one bot per file with its own lock (<see cref="StoreDatabase"/>); then the reopen succeeds
/// (<c>DataFileDiskFullTests.Run_DiskFullWhileRunning_…</c>).
/// </summary>
internal sealed class RecoveringEngine(EngineSettings settings) : ILiteEngine
{
    private readonly Lock _gate = new();
    private readonly ThreadLocal<LiteEngine?> _transactionEngine = new();
    private readonly Dictionary<string, BsonValue> _pragmas = new(StringComparer.OrdinalIgnoreCase);
    private LiteEngine? _engine = new(settings); // null: stopped by a failure, opened again on the next call
    private bool _disposed; // then no call opens the file again

    public int Checkpoint() => Run(e => e.Checkpoint());
    public long Rebuild(RebuildOptions options) => Run(e => e.Rebuild(options));
    public IBsonDataReader Query(string collection, Query query) => Run(e => e.Query(collection, query));
    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Run(e => e.Insert(collection, docs, autoId));
    public int Update(string collection, IEnumerable<BsonDocument> docs) => Run(e => e.Update(collection, docs));
    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate) => Run(e => e.UpdateMany(collection, transform, predicate));
    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Run(e => e.Upsert(collection, docs, autoId));
    public int Delete(string collection, IEnumerable<BsonValue> ids) => Run(e => e.Delete(collection, ids));
    public int DeleteMany(string collection, BsonExpression predicate) => Run(e => e.DeleteMany(collection, predicate));
    public bool DropCollection(string name) => Run(e => e.DropCollection(name));
    public bool RenameCollection(string name, string newName) => Run(e => e.RenameCollection(name, newName));
    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique) => Run(e => e.EnsureIndex(collection, name, expression, unique));
    public bool DropIndex(string collection, string name) => Run(e => e.DropIndex(collection, name));
    public BsonValue Pragma(string name) => Run(e => e.Pragma(name));
    /// <summary>Sets a pragma (the checkpoint size) and keeps it, so an engine opened again after a disk error gets it too.</summary>
    public bool Pragma(string name, BsonValue value) => Run(e =>
    {
        var set = e.Pragma(name, value);
        lock (_gate)
        {
            _pragmas[name] = value;
        }

        return set;
    });

    /// <summary>LiteDB binds a transaction to its thread; the engine it began on is kept so a reopen cannot split it.</summary>
    public bool BeginTrans() => Run(e =>
    {
        var began = e.BeginTrans();
        if (began)
        {
            _transactionEngine.Value = e;
        }

        return began;
    });

    public bool Commit() => EndTransaction(e => e.Commit());
    public bool Rollback() => EndTransaction(e => e.Rollback());

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            if (_engine is { } engine)
            {
                _engine = null;
                Close(engine);
            }
        }

        _transactionEngine.Dispose();
    }

    private bool EndTransaction(Func<LiteEngine, bool> end)
    {
        try
        {
            return Run(end);
        }
        finally
        {
            _transactionEngine.Value = null;
        }
    }

    private T Run<T>(Func<LiteEngine, T> call)
    {
        var engine = Current();
        try
        {
            return call(engine);
        }
        catch (Exception ex) when (ex is IOException or LiteException { ErrorCode: LiteException.INVALID_DATAFILE_STATE })
        {
            lock (_gate)
            {
                // Only the engine that failed is dropped: a late failure of an older one must not drop a fresh one.
                if (engine == _engine)
                {
                    _engine = null;
                    Close(engine);
                }
            }

            throw;
        }
    }

    /// <summary>
    /// Disposes an engine (LiteDB's own dispose collects its errors and throws none). LiteDB 5.0.21 can leave a
    /// transaction undisposed: one whose dispose failed when a write failed (LiteDB #2615), or the ones after it when
    /// the engine's dispose loop stops at that one. Such a transaction is finalized on the GC's thread once
    /// unreachable, where its dispose throws again ("discarded page must be writable") and ends the process
    /// (LiteDB #2828; it ended a CI run after every test had passed). So the transactions the engine still holds are
    /// taken off the finalizer queue: their pages go with the engine.
    /// </summary>
    private static void Close(LiteEngine engine)
    {
        try
        {
            engine.Dispose();
        }
        catch (Exception ex) when (ex is LiteException or IOException or ObjectDisposedException)
        {
            // The caller has the error that stopped it; this engine is gone either way.
        }
        finally
        {
            foreach (var transaction in OpenTransactions(engine))
            {
                GC.SuppressFinalize(transaction);
            }
        }
    }

    /// <summary>The transactions LiteDB 5.0.21's engine still holds (its private <c>_monitor._transactions</c>).</summary>
    private static List<object> OpenTransactions(LiteEngine engine)
    {
        const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Instance;
        var monitor = typeof(LiteEngine).GetField("_monitor", Private)?.GetValue(engine);
        if (monitor?.GetType().GetField("_transactions", Private)?.GetValue(monitor) is not IDictionary transactions)
        {
            return [];
        }

        lock (transactions)
        {
            return [.. transactions.Values.Cast<object>()];
        }
    }

    private LiteEngine Current()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                // What LiteDB's own disposed engine throws.
                throw new LiteException(LiteException.ENGINE_DISPOSED, "This engine instance already disposed.");
            }

            if (_engine is null)
            {
                var engine = new LiteEngine(settings); // if this throws (still no space), the next call tries again
                try
                {
                    foreach (var (name, value) in _pragmas)
                    {
                        engine.Pragma(name, value);
                    }
                }
                catch
                {
                    engine.Dispose();
                    throw;
                }

                _engine = engine;
            }

            var transaction = _transactionEngine.Value;
            if (transaction is not null && transaction != _engine)
            {
                throw new IOException("The store was reopened after a disk error during this transaction; none of it was committed.");
            }

            return _engine;
        }
    }
}
