using LiteDB;

namespace ReleaseBot.LiteDb;

internal static class StoreTransactions
{
    /// <summary>
    /// Rows per transaction for bulk writes. Measured with <c>bench store-options</c>: a transaction costs a journal
    /// append and an fsync-free flush per commit, so one per row spent ~2 ms of every seed row; from a few hundred rows
    /// up the per-row cost stops falling while a bigger batch only holds the collection's write lock longer.
    /// </summary>
    public const int BatchSize = 500;

    /// <summary>
    /// Runs <paramref name="work"/> as one LiteDB transaction: all of it is in the journal when this returns, or none
    /// of it. LiteDB binds a transaction to the calling thread, so <paramref name="work"/> must not await.
    /// </summary>
    public static T InTransaction<T>(this StoreDatabase store, Func<T> work)
    {
        var db = store.Database;
        if (!db.BeginTrans())
        {
            // Already inside a transaction on this thread (a migration step): the outer one commits.
            return work();
        }

        try
        {
            var result = work();
            db.Commit();
            return result;
        }
        catch
        {
            db.Rollback();
            throw;
        }
    }
}
