using LiteDB;
using ReleaseBot.Core.Domain;

namespace ReleaseBot.LiteDb.Documents;

/// <summary>A <see cref="BotEvent"/>, stored once in <c>events</c> (id = the event id) and referred to by its delivery rows.</summary>
internal static class EventDocument
{
    /// <summary>Indexed: orphaned events older than the retention are pruned by it.</summary>
    public const string OccurredTicks = "OccurredTicks";

    public static BsonDocument ToDocument(BotEvent e) => new()
    {
        ["_id"] = e.Id,
        ["Id"] = e.Id,
        [OccurredTicks] = e.OccurredAt.UtcTicks,
        ["Kind"] = Bson.Enum(e.Kind),
        ["OccurredAt"] = Bson.Time(e.OccurredAt),
        ["ReleaseId"] = Bson.Str(e.ReleaseId),
        ["RankMove"] = e.RankMove is { } m
            ? new BsonDocument
            {
                ["RepoId"] = Bson.RepoId(m.RepoId),
                ["Kind"] = Bson.Enum(m.Kind),
                ["From"] = Bson.Int(m.From),
                ["To"] = m.To,
                ["At"] = Bson.Time(m.At),
            }
            : BsonValue.Null,
        ["WatchPattern"] = Bson.Str(e.WatchPattern),
        ["WatchSubscriptionId"] = Bson.Str(e.WatchSubscriptionId),
        ["DigestDate"] = Bson.Date(e.DigestDate),
        ["CoversFrom"] = Bson.Time(e.CoversFrom),
        ["CoversTo"] = Bson.Time(e.CoversTo),
    };

    public static BotEvent FromDocument(BsonDocument doc) => new()
    {
        Id = Bson.ReadRequiredStr(doc, "Id"),
        Kind = Bson.ReadEnum(doc["Kind"], EventKind.ReleaseDetected),
        OccurredAt = Bson.ReadRequiredTime(doc, "OccurredAt"),
        ReleaseId = Bson.ReadStr(doc["ReleaseId"]),
        RankMove = doc["RankMove"].IsDocument ? ReadMove(doc["RankMove"].AsDocument) : null,
        WatchPattern = Bson.ReadStr(doc["WatchPattern"]),
        WatchSubscriptionId = Bson.ReadStr(doc["WatchSubscriptionId"]),
        DigestDate = Bson.ReadDate(doc["DigestDate"]),
        CoversFrom = Bson.ReadTime(doc["CoversFrom"]),
        CoversTo = Bson.ReadTime(doc["CoversTo"]),
    };

    private static RankMove ReadMove(BsonDocument m) => new(
        Bson.ReadRequiredRepoId(m, "RepoId"),
        Bson.ReadEnum(m["Kind"], RankMoveKind.EnteredTop),
        Bson.ReadInt(m["From"]),
        m["To"].AsInt32,
        Bson.ReadRequiredTime(m, "At"));
}
