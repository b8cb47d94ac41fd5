using LiteDB;
using ReleaseBot.Core.Domain;

namespace ReleaseBot.LiteDb.Documents;

internal static class RankSnapshotDocument
{
    public const string TakenTicks = "TakenTicks";

    public static BsonDocument ToDocument(RankSnapshot s) => new()
    {
        ["_id"] = s.Id,
        ["TakenAt"] = Bson.Time(s.TakenAt),
        [TakenTicks] = Bson.Ticks(s.TakenAt),
        ["Size"] = s.Size,
        ["Entries"] = new BsonArray(s.Entries.Select(e => (BsonValue)new BsonDocument
        {
            ["Rank"] = e.Rank,
            ["RepoId"] = Bson.RepoId(e.RepoId),
            ["Score"] = Bson.Double(e.Score),
            ["Note"] = Bson.Str(e.Note),
            ["VendorId"] = Bson.Str(e.VendorId),
            ["Label"] = Bson.Str(e.Label),
        })),
        ["Source"] = s.Source,
        ["Note"] = Bson.Str(s.Note),
    };

    public static RankSnapshot FromDocument(BsonDocument doc) => new()
    {
        Id = doc["_id"].AsString,
        TakenAt = Bson.ReadRequiredTime(doc, "TakenAt"),
        Size = doc["Size"].AsInt32,
        Entries = [.. doc["Entries"].AsArray.Select(v => v.AsDocument).Select(e => new RankEntry(
            e["Rank"].AsInt32, Bson.ReadRepoId(e["RepoId"]), Bson.ReadDouble(e["Score"]), Bson.ReadStr(e["Note"]),
            Bson.ReadStr(e["VendorId"]), Bson.ReadStr(e["Label"])))],
        Source = Bson.ReadStr(doc["Source"]) ?? "hub",
        Note = Bson.ReadStr(doc["Note"]),
    };
}
