using LiteDB;

namespace ReleaseBot.LiteDb;

internal static class LiteDbWrites
{
    /// <summary>Inserts; false when a unique key (the id or another unique index) already exists.</summary>
    public static bool TryInsert(this ILiteCollection<BsonDocument> collection, BsonDocument doc)
    {
        try
        {
            collection.Insert(doc);
            return true;
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            // The failed insert ran in its own transaction and was rolled back: nothing changed.
            return false;
        }
    }

    /// <summary>Inserts or replaces by id; a clash on another unique key becomes a clear error.</summary>
    public static void UpsertUnique(this ILiteCollection<BsonDocument> collection, BsonDocument doc, string what)
    {
        try
        {
            collection.Upsert(doc);
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw new InvalidOperationException($"Another {what} already has that key ({doc["_id"].AsString}).", ex);
        }
    }

    /// <summary>Inserts a document whose id is known to be new; a clash on another unique key becomes a clear error.</summary>
    public static void InsertUnique(this ILiteCollection<BsonDocument> collection, BsonDocument doc, string what)
    {
        try
        {
            collection.Insert(doc);
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw new InvalidOperationException($"Another {what} already has that key ({doc["_id"].AsString}).", ex);
        }
    }

    /// <summary>Inserts documents whose keys are known to be new, in one engine call; a unique-key clash becomes a clear error.</summary>
    public static int InsertUnique(this ILiteCollection<BsonDocument> collection, IReadOnlyList<BsonDocument> docs, string what)
    {
        try
        {
            return collection.Insert(docs);
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw new InvalidOperationException($"Another {what} already has a key of this batch.", ex);
        }
    }
}
