using System.Globalization;
using LiteDB;
using Microsoft.Extensions.Logging;
using ReleaseBot.Core.Domain;
using ReleaseBot.LiteDb.Documents;

namespace ReleaseBot.LiteDb;

/// <summary>
/// Brings a file from the schema version stored in <c>state/schema_version</c> up to
/// <see cref="CurrentVersion"/>, one step per version, each step and its version bump in one
/// transaction. Steps are idempotent, so a crash between them only repeats work.
/// </summary>
public static partial class StoreMigrations
{
    public const string VersionKey = "schema_version";

    public static int CurrentVersion => Steps.Length;

    private static readonly Action<LiteDatabase>[] Steps =
    [
        CreateIndexes,
        AddReleaseQueryFields,
        StoreEventsOnce,
        ShortReleaseFields,
        IndexSubscriptionOrder,
        DeliveriesBySubscriptionFromIds,
        CreateEveryCollection,
    ];

    /// <summary>Runs the pending steps; returns the version the file is at.</summary>
    public static int Run(LiteDatabase db, ILogger logger)
    {
        var version = ReadVersion(db);
        if (version > CurrentVersion)
        {
            throw new InvalidOperationException(
                $"The data file has schema version {version}, newer than this build's {CurrentVersion}; use a newer ReleaseBot.");
        }
        for (var next = version + 1; next <= CurrentVersion; next++)
        {
            Log.Migrating(logger, next - 1, next);
            db.BeginTrans();
            try
            {
                Steps[next - 1](db);
                WriteVersion(db, next);
                db.Commit();
            }
            catch
            {
                db.Rollback();
                throw;
            }
        }
        return CurrentVersion;
    }

    public static int ReadVersion(LiteDatabase db)
    {
        var doc = db.GetCollection(Collections.State).FindById(VersionKey);
        return doc is null ? 0 : int.Parse(doc["Value"].AsString, CultureInfo.InvariantCulture);
    }

    public static void WriteVersion(LiteDatabase db, int version) =>
        db.GetCollection(Collections.State).Upsert(new BsonDocument
        {
            ["_id"] = VersionKey,
            ["Value"] = version.ToString(CultureInfo.InvariantCulture),
        });

    /// <summary>v1: the collections' indexes on plain fields.</summary>
    private static void CreateIndexes(LiteDatabase db)
    {
        var releases = db.GetCollection(Collections.Releases);
        releases.EnsureIndex("VendorId");
        releases.EnsureIndex("Enriched");

        db.GetCollection(Collections.RankSnapshots).EnsureIndex(RankSnapshotDocument.TakenTicks);
        db.GetCollection(Collections.Subscriptions).EnsureIndex(SubscriptionDocument.ChatKey, unique: true);

        var deliveries = db.GetCollection(Collections.Deliveries);
        deliveries.EnsureIndex(DeliveryDocument.DueKey);
        deliveries.EnsureIndex("SubscriptionId");
        deliveries.EnsureIndex("State");

        var digests = db.GetCollection(Collections.DigestLog);
        digests.EnsureIndex("SubscriptionId");
        digests.EnsureIndex(DigestRecordDocument.DayKey, unique: true);

        db.GetCollection(Collections.Watches).EnsureIndex("SubscriptionId");
    }

    /// <summary>
    /// v2: releases carry derived fields for /latest order and case-insensitive repo and owner
    /// lookups. Rows written before v2 lack them and are rewritten once.
    /// </summary>
    private static void AddReleaseQueryFields(LiteDatabase db)
    {
        // Rewritten in the current form and indexed as now: v2's own long-named fields and indexes would only be
        // dropped again by v4.
        RewriteReleases(db, d => !d.TryGetValue("SortKey", out var key) || key.IsNull);
        ReleaseDocument.EnsureIndexes(db.GetCollection(Collections.Releases));
    }

    /// <summary>
    /// v3: each event is stored once in <c>events</c>; delivery rows keep its id instead of a copy, and finished rows
    /// get the finish time retention prunes by. Rows are rewritten a page at a time, so memory stays flat however
    /// many there are.
    /// </summary>
    private static void StoreEventsOnce(LiteDatabase db)
    {
        var events = db.GetCollection(Collections.Events);
        events.EnsureIndex(EventDocument.OccurredTicks);
        var deliveries = db.GetCollection(Collections.Deliveries);
        ForEachPage(deliveries, page =>
        {
            foreach (var doc in page.Where(d => d["Event"].IsDocument))
            {
                var embedded = EventDocument.FromDocument(doc["Event"].AsDocument);
                if (events.FindById(embedded.Id) is null)
                {
                    events.Insert(EventDocument.ToDocument(embedded));
                }

                doc[DeliveryDocument.EventId] = embedded.Id;
                deliveries.Update(DeliveryDocument.ToDocument(DeliveryDocument.FromDocument(doc, _ => embedded)));
            }
        });

        deliveries.EnsureIndex(DeliveryDocument.EventId);
        deliveries.EnsureIndex(DeliveryDocument.FinishedTicks);
    }

    /// <summary>
    /// v4: releases use short field names and leave out what is unknown (see <see cref="ReleaseFields"/>): 1.9 KB of
    /// file per release became under 1 KB. The old indexes go first, so the rewrite does not maintain them;
    /// the new indexes are built once over the rewritten rows.
    /// </summary>
    private static void ShortReleaseFields(LiteDatabase db)
    {
        var releases = db.GetCollection(Collections.Releases);
        foreach (var index in ReleaseDocument.OldIndexes)
        {
            releases.DropIndex(index);
        }

        RewriteReleases(db, _ => true);
        ReleaseDocument.EnsureIndexes(releases);
    }

    /// <summary>
    /// v5: subscriptions carry their fan-out order as one indexed key (<see cref="SubscriptionDocument.OrderKey"/>), so
    /// planning and digests read them a page at a time in order instead of sorting them all in memory.
    /// </summary>
    private static void IndexSubscriptionOrder(LiteDatabase db)
    {
        var subscriptions = db.GetCollection(Collections.Subscriptions);
        ForEachPage(subscriptions, page =>
        {
            foreach (var doc in page)
            {
                doc.Remove("CreatedTicks");
                doc[SubscriptionDocument.OrderKey] =
                    Subscription.PositionOf(doc["_id"].AsString, Bson.ReadRequiredTime(doc, "CreatedAt"));
                subscriptions.Update(doc);
            }
        });
        subscriptions.EnsureIndex(SubscriptionDocument.OrderKey, unique: true);
    }

    /// <summary>v6: a subscription's delivery rows are a range of the id index (<see cref="DeliveryDocument.OfSubscription"/>).</summary>
    private static void DeliveriesBySubscriptionFromIds(LiteDatabase db) =>
        db.GetCollection(Collections.Deliveries).DropIndex("SubscriptionId");

    /// <summary>
    /// v7: every collection exists from the start. LiteDB 5.0.21 fails a read of a collection that another
    /// transaction is creating ("page type must be collection page", LiteDB #2792): a fan-out's first commit created
    /// <c>fan_outs</c> while the fan-out service read it. An insert and a delete create one; a collection added to
    /// <see cref="Collections.All"/> later needs a step that runs this again.
    /// </summary>
    private static void CreateEveryCollection(LiteDatabase db)
    {
        var existing = db.GetCollectionNames().ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var name in Collections.All.Where(n => !existing.Contains(n)))
        {
            var collection = db.GetCollection(name);
            collection.Insert(new BsonDocument { ["_id"] = "created" });
            collection.Delete("created");
        }
    }

    /// <summary>Rewrites the matching releases in the current form, a page at a time.</summary>
    private static void RewriteReleases(LiteDatabase db, Func<BsonDocument, bool> stale)
    {
        var releases = db.GetCollection(Collections.Releases);
        ForEachPage(releases, page =>
        {
            foreach (var doc in page.Where(stale))
            {
                releases.Update(ReleaseDocument.ToDocument(ReleaseDocument.FromDocument(doc)));
            }
        });
    }

    /// <summary>
    /// Hands the collection's documents to <paramref name="work"/> 500 at a time in id order, so memory stays flat
    /// however many there are; each page is read whole before the work writes.
    /// </summary>
    private static void ForEachPage(ILiteCollection<BsonDocument> collection, Action<List<BsonDocument>> work)
    {
        BsonValue? last = null;
        while (true)
        {
            var query = last is null ? collection.Query() : collection.Query().Where(StoreQuery.Gt("_id", last));
            var page = query.OrderBy("_id").Limit(500).ToList();
            if (page.Count == 0)
            {
                return;
            }

            work(page);
            last = page[^1]["_id"];
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Migrating the data file from schema v{From} to v{To}")]
        public static partial void Migrating(ILogger logger, int from, int to);
    }
}
