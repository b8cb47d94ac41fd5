using System.Globalization;
using LiteDB;
using ReleaseBot.Core.Domain;

namespace ReleaseBot.LiteDb.Documents;

/// <summary>Maps <see cref="Release"/> to its stored form, including the derived query fields.</summary>
internal static class ReleaseDocument
{
    /// <summary>
    /// The order of /latest in one ascending key: newest <c>PublishedAt ?? CreatedAt ?? DetectedAt</c>
    /// first (inverted UTC ticks), ties by lower-case repo id. An index on it answers "top N" alone.
    /// </summary>
    public const string SortKey = "SortKey";
    /// <summary><c>{VendorId}|{SortKey}</c>: one vendor's /latest as a range scan; null without a vendor.</summary>
    public const string VendorSortKey = "VendorSortKey";
    public const string DetectedTicks = "DetectedTicks";
    /// <summary>Current repo id, lower-case: one release per repo whatever the case.</summary>
    public const string RepoKey = "RepoKey";
    /// <summary>Current and former repo ids, lower-case (multi-key index).</summary>
    public const string RepoKeys = "RepoKeys";
    /// <summary>Owners of the current and former repo ids, lower-case (multi-key index).</summary>
    public const string OwnerKeys = "OwnerKeys";

    public static BsonDocument ToDocument(Release r)
    {
        var doc = new BsonDocument
        {
            ["_id"] = r.Id,
            ["RepoId"] = Bson.RepoId(r.RepoId),
            ["VendorId"] = Bson.Str(r.VendorId),
            ["BaseVendorId"] = Bson.Str(r.BaseVendorId),
            ["Family"] = Bson.Str(r.Family),
            ["Title"] = r.Title,
            ["CreatedAt"] = Bson.Time(r.CreatedAt),
            ["DetectedAt"] = Bson.Time(r.DetectedAt),
            ["PublishedAt"] = Bson.Time(r.PublishedAt),
            ["Modality"] = Bson.Enum(r.Modality),
            ["PipelineTag"] = Bson.Str(r.PipelineTag),
            ["TotalParams"] = Bson.Long(r.TotalParams),
            ["ActiveParams"] = Bson.Long(r.ActiveParams),
            ["TotalParamsEstimated"] = r.TotalParamsEstimated,
            ["ActiveParamsEstimated"] = r.ActiveParamsEstimated,
            ["Licence"] = Bson.Str(r.Licence),
            ["Gated"] = Bson.Bool(r.Gated),
            ["HasModelCard"] = Bson.Bool(r.HasModelCard),
            ["Official"] = r.Official,
            ["BaseModel"] = Bson.Str(r.BaseModel),
            ["Status"] = Bson.Enum(r.Status),
            ["StatusHistory"] = new BsonArray(r.StatusHistory.Select(s => new BsonDocument { ["Status"] = Bson.Enum(s.Status), ["On"] = Bson.Time(s.On) })),
            ["FoundBy"] = Bson.Enum(r.FoundBy),
            ["FormerRepoIds"] = Bson.RepoIds(r.FormerRepoIds),
            ["Enriched"] = r.Enriched,
            ["Notes"] = Bson.Str(r.Notes),
            ["Caveats"] = new BsonArray(r.Caveats.Select(c => Bson.Enum(c))),
        };
        AddQueryFields(doc, r);
        return doc;
    }

    public static Release FromDocument(BsonDocument doc) => new()
    {
        Id = doc["_id"].AsString,
        RepoId = Bson.ReadRequiredRepoId(doc, "RepoId"),
        VendorId = Bson.ReadStr(doc["VendorId"]),
        BaseVendorId = Bson.ReadStr(doc["BaseVendorId"]),
        Family = Bson.ReadStr(doc["Family"]),
        Title = Bson.ReadRequiredStr(doc, "Title"),
        CreatedAt = Bson.ReadTime(doc["CreatedAt"]),
        DetectedAt = Bson.ReadRequiredTime(doc, "DetectedAt"),
        PublishedAt = Bson.ReadTime(doc["PublishedAt"]),
        Modality = Bson.ReadEnum(doc["Modality"], Modality.Unknown),
        PipelineTag = Bson.ReadStr(doc["PipelineTag"]),
        TotalParams = Bson.ReadLong(doc["TotalParams"]),
        ActiveParams = Bson.ReadLong(doc["ActiveParams"]),
        // Files written before the two flags hold one "ParamsEstimated" for both figures.
        TotalParamsEstimated = Bson.ReadBool(doc["TotalParamsEstimated"]) ?? Bson.ReadBool(doc["ParamsEstimated"]) ?? false,
        ActiveParamsEstimated = Bson.ReadBool(doc["ActiveParamsEstimated"]) ?? Bson.ReadBool(doc["ParamsEstimated"]) ?? false,
        Licence = Bson.ReadStr(doc["Licence"]),
        Gated = Bson.ReadBool(doc["Gated"]),
        HasModelCard = Bson.ReadBool(doc["HasModelCard"]),
        Official = Bson.ReadBool(doc["Official"]) ?? true,
        BaseModel = Bson.ReadStr(doc["BaseModel"]),
        Status = Bson.ReadEnum(doc["Status"], ReleaseStatus.Released),
        // Absent in files written before status histories and caveats: read as none.
        StatusHistory = doc["StatusHistory"].IsArray
            ? [.. doc["StatusHistory"].AsArray.Select(s => new StatusChange(Bson.ReadEnum(s["Status"], ReleaseStatus.Released), Bson.ReadTime(s["On"])))]
            : [],
        FoundBy = Bson.ReadEnum(doc["FoundBy"], DiscoveryPath.Seed),
        FormerRepoIds = Bson.ReadRepoIds(doc["FormerRepoIds"]),
        Enriched = Bson.ReadBool(doc["Enriched"]) ?? false,
        Notes = Bson.ReadStr(doc["Notes"]),
        Caveats = doc["Caveats"].IsArray ? [.. doc["Caveats"].AsArray.Select(c => Bson.ReadEnum(c, ReleaseCaveat.RepoIdUnverified))] : [],
    };

    /// <summary>The fields that exist only for indexes (schema v2); recomputed on every write.</summary>
    public static void AddQueryFields(BsonDocument doc, Release r)
    {
        var repoIds = r.FormerRepoIds.Prepend(r.RepoId).ToList();
        doc[SortKey] = SortKeyOf(r);
        doc[VendorSortKey] = r.VendorId is null ? BsonValue.Null : $"{VendorPrefix(r.VendorId)}{SortKeyOf(r)}";
        doc[DetectedTicks] = Bson.Ticks(r.DetectedAt);
        doc[RepoKey] = Key(r.RepoId);
        doc[RepoKeys] = Bson.Strings(repoIds.Select(Key).Distinct(StringComparer.Ordinal));
        doc[OwnerKeys] = Bson.Strings(repoIds.Select(id => Key(id.Owner)).Distinct(StringComparer.Ordinal));
    }

    public static string SortKeyOf(Release r)
    {
        var newestFirst = DateTimeOffset.MaxValue.UtcTicks - (r.PublishedAt ?? r.CreatedAt ?? r.DetectedAt).UtcTicks;
        return $"{newestFirst.ToString("D19", CultureInfo.InvariantCulture)}|{Key(r.RepoId)}";
    }

    public static string VendorPrefix(string vendorId) => $"{vendorId}|";

    /// <summary>Sorts after every key of the vendor ('}' follows '|').</summary>
    public static string VendorEnd(string vendorId) => $"{vendorId}}}";

    public static string Key(string value) => value.ToLowerInvariant();

    public static string Key(RepoId repoId) => Key(repoId.ToString());
}
