using LiteDB;
using ReleaseBot.Core.Domain;

namespace ReleaseBot.LiteDb.Documents;

/// <summary>An open <see cref="FanOut"/> in <c>fan_outs</c>: id = the event id, whose event is in <c>events</c>.</summary>
internal static class FanOutDocument
{
    public const string OpenedTicks = "OpenedTicks";

    public static BsonDocument Open(BotEvent botEvent, DateTimeOffset now) => new()
    {
        ["_id"] = botEvent.Id,
        [OpenedTicks] = now.UtcTicks,
        ["OpenedAt"] = Bson.Time(now),
        ["After"] = BsonValue.Null,
    };

    public static FanOut FromDocument(BsonDocument doc, Func<string, BotEvent> events) => new()
    {
        Event = events(doc["_id"].AsString),
        OpenedAt = Bson.ReadRequiredTime(doc, "OpenedAt"),
        After = Bson.ReadStr(doc["After"]),
    };
}
