using LiteDB;
using ReleaseBot.Core.Domain;

namespace ReleaseBot.LiteDb.Documents;

internal static class VendorDocument
{
    /// <summary>Insertion order, so the catalogue reads back in the order it was loaded.</summary>
    public const string Seq = "Seq";

    public static BsonDocument ToDocument(Vendor v, long seq) => new()
    {
        ["_id"] = v.Id,
        ["NameEn"] = v.NameEn,
        ["NameZh"] = v.NameZh,
        ["Country"] = v.Country,
        ["HfOrgs"] = Bson.Strings(v.HfOrgs),
        ["LegacyOrgs"] = Bson.Strings(v.LegacyOrgs),
        ["Families"] = Bson.Strings(v.Families),
        ["Aliases"] = Bson.Strings(v.Aliases),
        ["ShortName"] = Bson.Str(v.ShortName),
        [Seq] = seq,
    };

    public static Vendor FromDocument(BsonDocument doc) => new()
    {
        Id = doc["_id"].AsString,
        NameEn = Bson.ReadRequiredStr(doc, "NameEn"),
        NameZh = Bson.ReadRequiredStr(doc, "NameZh"),
        Country = Bson.ReadRequiredStr(doc, "Country"),
        HfOrgs = Bson.ReadStrings(doc["HfOrgs"]),
        LegacyOrgs = Bson.ReadStrings(doc["LegacyOrgs"]),
        Families = Bson.ReadStrings(doc["Families"]),
        Aliases = Bson.ReadStrings(doc["Aliases"]),
        ShortName = Bson.ReadStr(doc["ShortName"]),
    };
}
