using System.Globalization;
using LiteDB;
using ReleaseBot.Core.Domain;

namespace ReleaseBot.LiteDb.Documents;

internal static class DeliveryDocument
{
    /// <summary>
    /// Set only on pending rows: <c>{platform}|{next UTC ticks}|{created UTC ticks}|{id}</c>.
    /// One index then answers "due rows of a platform, oldest first" by a range scan.
    /// </summary>
    public const string DueKey = "DueKey";

    public static BsonDocument ToDocument(Delivery d) => new()
    {
        ["_id"] = d.Id,
        ["SubscriptionId"] = d.SubscriptionId,
        ["Platform"] = Bson.Enum(d.Platform),
        ["Event"] = EventDocument.ToDocument(d.Event),
        ["State"] = Bson.Enum(d.State),
        ["Attempts"] = d.Attempts,
        ["CreatedAt"] = Bson.Time(d.CreatedAt),
        ["NextAttemptAt"] = Bson.Time(d.NextAttemptAt),
        ["SentAt"] = Bson.Time(d.SentAt),
        ["PlatformMessageIds"] = Bson.Strings(d.PlatformMessageIds),
        ["LastError"] = Bson.Str(d.LastError),
        [DueKey] = d.State == DeliveryState.Pending ? DueKeyOf(d) : BsonValue.Null,
    };

    public static Delivery FromDocument(BsonDocument doc) => new()
    {
        Id = doc["_id"].AsString,
        SubscriptionId = Bson.ReadRequiredStr(doc, "SubscriptionId"),
        Platform = Bson.ReadEnum(doc["Platform"], Platform.Console),
        Event = EventDocument.FromDocument(doc["Event"].AsDocument),
        State = Bson.ReadEnum(doc["State"], DeliveryState.Pending),
        Attempts = doc["Attempts"].AsInt32,
        CreatedAt = Bson.ReadRequiredTime(doc, "CreatedAt"),
        NextAttemptAt = Bson.ReadRequiredTime(doc, "NextAttemptAt"),
        SentAt = Bson.ReadTime(doc["SentAt"]),
        PlatformMessageIds = Bson.ReadStrings(doc["PlatformMessageIds"]),
        LastError = Bson.ReadStr(doc["LastError"]),
    };

    // The id only breaks ties; cut so the key stays well inside LiteDB's 1023-byte index key limit.
    public static string DueKeyOf(Delivery d) =>
        $"{PlatformPrefix(d.Platform)}{Ticks(d.NextAttemptAt.UtcTicks)}|{Ticks(d.CreatedAt.UtcTicks)}|{(d.Id.Length > 200 ? d.Id[..200] : d.Id)}";

    /// <summary>Sorts after every key of a row due at <paramref name="now"/> and before any due later.</summary>
    public static string DueKeyUpperBound(Platform platform, DateTimeOffset now) =>
        $"{PlatformPrefix(platform)}{Ticks(now.UtcTicks)}}}";

    public static string PlatformPrefix(Platform platform) => $"{platform}|";

    /// <summary>Sorts after every key of the platform ('}' follows '|').</summary>
    public static string PlatformEnd(Platform platform) => $"{platform}}}";

    private static string Ticks(long ticks) => ticks.ToString("D19", CultureInfo.InvariantCulture);
}
