using System.Globalization;
using LiteDB;
using ReleaseBot.Core.Domain;

namespace ReleaseBot.LiteDb.Documents;

internal static class SubscriptionDocument
{
    /// <summary><see cref="ChatAddress.Key"/>; unique, so one chat has one subscription.</summary>
    public const string ChatKey = "ChatKey";

    /// <summary>
    /// Fan-out order, oldest first, as one indexed key (schema v5): <see cref="Subscription.Position"/>. The id in it
    /// makes it unique, so a reader pages by "after the last key" without skipping or repeating subscriptions created
    /// at once.
    /// </summary>
    public const string OrderKey = "OrderKey";

    public static BsonDocument ToDocument(Subscription s) => new()
    {
        ["_id"] = s.Id,
        [ChatKey] = s.Chat.Key,
        ["Chat"] = new BsonDocument
        {
            ["Platform"] = Bson.Enum(s.Chat.Platform),
            ["ChatId"] = s.Chat.ChatId,
            ["ThreadId"] = Bson.Str(s.Chat.ThreadId),
        },
        ["ChatTitle"] = Bson.Str(s.ChatTitle),
        ["Group"] = Bson.Str(s.Group),
        ["Filter"] = new BsonDocument
        {
            ["Vendors"] = Bson.Strings(s.Filter.Vendors),
            ["Modalities"] = new BsonArray(s.Filter.Modalities.Select(m => Bson.Enum(m))),
            ["MinParams"] = Bson.Long(s.Filter.MinParams),
            ["OfficialOnly"] = s.Filter.OfficialOnly,
            ["RankAlerts"] = s.Filter.RankAlerts,
        },
        ["Mode"] = Bson.Enum(s.Mode),
        ["DigestTime"] = Bson.TimeOfDay(s.DigestTime),
        ["TimeZone"] = s.TimeZone,
        ["Language"] = Bson.Enum(s.Language),
        ["CreatedBy"] = Bson.Str(s.CreatedBy),
        ["CreatedAt"] = Bson.Time(s.CreatedAt),
        [OrderKey] = s.Position,
        ["Active"] = s.Active,
        ["PausedReason"] = Bson.Str(s.PausedReason),
        ["PausedAt"] = Bson.Time(s.PausedAt),
    };

    public static Subscription FromDocument(BsonDocument doc)
    {
        var chat = doc["Chat"].AsDocument;
        var filter = doc["Filter"].AsDocument;
        return new Subscription
        {
            Id = doc["_id"].AsString,
            Chat = new ChatAddress(
                Bson.ReadEnum(chat["Platform"], Platform.Console),
                Bson.ReadRequiredStr(chat, "ChatId"),
                Bson.ReadStr(chat["ThreadId"])),
            ChatTitle = Bson.ReadStr(doc["ChatTitle"]),
            Group = Bson.ReadStr(doc["Group"]),
            Filter = new SubscriptionFilter
            {
                Vendors = Bson.ReadStrings(filter["Vendors"]),
                Modalities = filter["Modalities"].IsArray
                    ? [.. filter["Modalities"].AsArray.Select(m => Bson.ReadEnum(m, Modality.Unknown))]
                    : [],
                MinParams = Bson.ReadLong(filter["MinParams"]),
                OfficialOnly = Bson.ReadBool(filter["OfficialOnly"]) ?? true,
                RankAlerts = Bson.ReadBool(filter["RankAlerts"]) ?? true,
            },
            Mode = Bson.ReadEnum(doc["Mode"], DeliveryMode.Instant),
            DigestTime = Bson.ReadTimeOfDay(doc["DigestTime"]) ?? throw new InvalidDataException($"Stored subscription {doc["_id"]} has no 'DigestTime'."),
            TimeZone = Bson.ReadStr(doc["TimeZone"]) ?? "UTC",
            Language = Bson.ReadEnum(doc["Language"], Language.En),
            CreatedBy = Bson.ReadStr(doc["CreatedBy"]),
            CreatedAt = Bson.ReadRequiredTime(doc, "CreatedAt"),
            Active = Bson.ReadBool(doc["Active"]) ?? true,
            PausedReason = Bson.ReadStr(doc["PausedReason"]),
            PausedAt = Bson.ReadTime(doc["PausedAt"]),
        };
    }
}
