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

    /// <summary>The event's id; the event itself is stored once in <c>events</c> (schema v3).</summary>
    public const string EventId = "EventId";

    /// <summary>
    /// Set only on finished rows (sent, failed, dropped): when they finished, in UTC ticks. Retention prunes by a
    /// range scan of its index; pending rows have none, so no cut-off can reach them.
    /// </summary>
    public const string FinishedTicks = "FinishedTicks";

    /// <summary>
    /// The rows of one subscription: a range of the id index, since an id is <see cref="Delivery.KeyFor"/>, which
    /// starts with the subscription's id and '|' ('}' follows '|', so the range holds that prefix and nothing else).
    /// Schema v6 dropped the separate SubscriptionId index: it cost every planned row an insert into a second
    /// index of long random keys for what the id index already answers.
    /// </summary>
    public static BsonExpression OfSubscription(string subscriptionId)
    {
        var prefix = Delivery.KeyFor(subscriptionId, string.Empty);
        return StoreQuery.Between("_id", prefix, prefix[..^1] + "}");
    }

    /// <exception cref="ArgumentException">The row's id is not <see cref="Delivery.KeyFor"/> its subscription and event.</exception>
    public static BsonDocument ToDocument(Delivery d) =>
        d.Id == Delivery.KeyFor(d.SubscriptionId, d.Event.Id)
            ? Document(d)
            : throw new ArgumentException($"Delivery id '{d.Id}' is not the key of subscription '{d.SubscriptionId}' and event '{d.Event.Id}'.", nameof(d));

    private static BsonDocument Document(Delivery d) => new()
    {
        ["_id"] = d.Id,
        ["SubscriptionId"] = d.SubscriptionId,
        ["Platform"] = Bson.Enum(d.Platform),
        [EventId] = d.Event.Id,
        ["State"] = Bson.Enum(d.State),
        ["Attempts"] = d.Attempts,
        ["CreatedAt"] = Bson.Time(d.CreatedAt),
        ["NextAttemptAt"] = Bson.Time(d.NextAttemptAt),
        ["SentAt"] = Bson.Time(d.SentAt),
        ["PlatformMessageIds"] = Bson.Strings(d.PlatformMessageIds),
        ["LastError"] = Bson.Str(d.LastError),
        [DueKey] = d.State == DeliveryState.Pending ? DueKeyOf(d) : BsonValue.Null,
        [FinishedTicks] = d.State == DeliveryState.Pending ? BsonValue.Null : (d.SentAt ?? d.NextAttemptAt).UtcTicks,
    };

    /// <summary>Reads a row; <paramref name="events"/> resolves its event id (see <see cref="LiteDbEvents.Reader"/>).</summary>
    public static Delivery FromDocument(BsonDocument doc, Func<string, BotEvent> events) => new()
    {
        Id = doc["_id"].AsString,
        SubscriptionId = Bson.ReadRequiredStr(doc, "SubscriptionId"),
        Platform = Bson.ReadEnum(doc["Platform"], Platform.Console),
        Event = events(Bson.ReadRequiredStr(doc, EventId)),
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
