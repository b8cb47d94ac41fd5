using LiteDB;
using ReleaseBot.Core.Domain;

namespace ReleaseBot.LiteDb.Documents;

internal static class DigestRecordDocument
{
    /// <summary><c>{SubscriptionId}|{LocalDate}</c>, unique even if a caller builds the id otherwise.</summary>
    public const string DayKey = "DayKey";

    public static BsonDocument ToDocument(DigestRecord r) => new()
    {
        ["_id"] = r.Id,
        ["SubscriptionId"] = r.SubscriptionId,
        ["LocalDate"] = Bson.Date(r.LocalDate),
        [DayKey] = DigestRecord.KeyFor(r.SubscriptionId, r.LocalDate),
        ["CoversFrom"] = Bson.Time(r.CoversFrom),
        ["CoversTo"] = Bson.Time(r.CoversTo),
        ["PlannedAt"] = Bson.Time(r.PlannedAt),
    };

    public static DigestRecord FromDocument(BsonDocument doc) => new()
    {
        Id = doc["_id"].AsString,
        SubscriptionId = Bson.ReadRequiredStr(doc, "SubscriptionId"),
        LocalDate = Bson.ReadDate(doc["LocalDate"]) ?? throw new InvalidDataException($"Digest {doc["_id"]} has no LocalDate."),
        CoversFrom = Bson.ReadRequiredTime(doc, "CoversFrom"),
        CoversTo = Bson.ReadRequiredTime(doc, "CoversTo"),
        PlannedAt = Bson.ReadRequiredTime(doc, "PlannedAt"),
    };
}
