using LiteDB;
using ReleaseBot.Core.Domain;

namespace ReleaseBot.LiteDb.Documents;

/// <summary>An open <see cref="FanOut"/> in <c>fan_outs</c>: id = the event id, whose event is in <c>events</c>.</summary>
internal static class FanOutDocument
{
    /// <summary>
    /// Set when the fan-out was opened with its event: no row of that event existed, and its rows are written only
    /// in fan-out order, each batch with the position it reached, so none exists past that position.
    /// </summary>
    public const string Fresh = "Fresh";

    public static BsonDocument Open(BotEvent botEvent, DateTimeOffset now, bool fresh) => new()
    {
        ["_id"] = botEvent.Id,
        ["OpenedAt"] = Bson.Time(now),
        ["After"] = BsonValue.Null,
        [Fresh] = fresh,
    };

    public static bool IsFresh(BsonDocument? doc) => doc?[Fresh] is { IsBoolean: true } fresh && fresh.AsBoolean;

    public static FanOut FromDocument(BsonDocument doc, Func<string, BotEvent> events) => new()
    {
        Event = events(doc["_id"].AsString),
        OpenedAt = Bson.ReadRequiredTime(doc, "OpenedAt"),
        After = Bson.ReadStr(doc["After"]),
    };
}
