using LiteDB;
using ReleaseBot.Core.Domain;

namespace ReleaseBot.LiteDb.Documents;

internal static class WatchDocument
{
    public static BsonDocument ToDocument(WatchPattern w) => new()
    {
        ["_id"] = w.Id,
        ["SubscriptionId"] = w.SubscriptionId,
        ["Pattern"] = w.Pattern,
        ["CreatedAt"] = Bson.Time(w.CreatedAt),
        ["CreatedTicks"] = Bson.Ticks(w.CreatedAt),
    };

    public static WatchPattern FromDocument(BsonDocument doc) => new()
    {
        Id = doc["_id"].AsString,
        SubscriptionId = Bson.ReadRequiredStr(doc, "SubscriptionId"),
        Pattern = Bson.ReadRequiredStr(doc, "Pattern"),
        CreatedAt = Bson.ReadRequiredTime(doc, "CreatedAt"),
    };
}
