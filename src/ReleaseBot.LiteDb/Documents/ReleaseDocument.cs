using System.Globalization;
using LiteDB;
using ReleaseBot.Core.Domain;
using F = ReleaseBot.LiteDb.Documents.ReleaseFields;

namespace ReleaseBot.LiteDb.Documents;

/// <summary>Maps <see cref="Release"/> to its stored form (schema v4, see <see cref="ReleaseFields"/>), including the derived query fields.</summary>
internal static class ReleaseDocument
{
    /// <summary>
    /// The order of /latest in one ascending key: newest <c>PublishedAt ?? CreatedAt ?? DetectedAt</c>
    /// first (inverted UTC ticks), ties by lower-case repo id. An index on it answers "top N" alone.
    /// </summary>
    public const string SortKey = "sk";
    /// <summary>
    /// The index of <c>{VendorId}|{SortKey}</c>: one vendor's /latest as a range scan. An index on an expression, so
    /// the 60-character key is not also stored in every document; queries name <see cref="VendorSortExpression"/>.
    /// </summary>
    public const string VendorSortKey = "vk";
    public const string VendorSortExpression = "$.v + '|' + $.sk";
    public const string DetectedTicks = "dt";
    /// <summary>Current repo id, lower-case: one release per repo whatever the case; its prefix range finds an owner's repos.</summary>
    public const string RepoKey = "rk";
    /// <summary>Former repo ids, lower-case (multi-key index); absent when the repo was never renamed.</summary>
    public const string FormerKeys = "fk";

    /// <summary>The release indexes of schema v1–v3, on the long field names; v4 drops them.</summary>
    public static readonly string[] OldIndexes = ["VendorId", "Enriched", "SortKey", "VendorSortKey", "DetectedTicks", "RepoKey", "RepoKeys", "OwnerKeys"];

    public static void EnsureIndexes(ILiteCollection<BsonDocument> releases)
    {
        releases.EnsureIndex(SortKey);
        releases.EnsureIndex(VendorSortKey, VendorSortExpression);
        releases.EnsureIndex(DetectedTicks);
        releases.EnsureIndex(RepoKey, unique: true);
        releases.EnsureIndex(FormerKeys, $"$.{FormerKeys}[*]");
        // No index on Enriched: the enrichment retry reads "not enriched, oldest first, N of them" by walking the
        // DetectedTicks index and stops at N; an index on a flag held by every seed row only made LiteDB load and
        // sort all of them, and cost every insert a node.
    }

    public static BsonDocument ToDocument(Release r)
    {
        var doc = new BsonDocument { ["_id"] = r.Id };
        // The repo id is the id's own unless a rename kept the row's first id.
        if (!string.Equals(r.RepoId.ReleaseId, r.Id, StringComparison.Ordinal))
        {
            doc[F.RepoId] = Bson.RepoId(r.RepoId);
        }

        Put(doc, F.VendorId, Bson.Str(r.VendorId));
        Put(doc, F.BaseVendorId, Bson.Str(r.BaseVendorId));
        Put(doc, F.Family, Bson.Str(r.Family));
        doc[F.Title] = r.Title;
        Put(doc, F.CreatedAt, Bson.CompactTime(r.CreatedAt));
        doc[F.DetectedAt] = Bson.CompactTime(r.DetectedAt);
        Put(doc, F.PublishedAt, Bson.CompactTime(r.PublishedAt));
        Put(doc, F.Modality, Bson.EnumUnless(r.Modality, Modality.Unknown));
        Put(doc, F.PipelineTag, Bson.Str(r.PipelineTag));
        Put(doc, F.TotalParams, Bson.Long(r.TotalParams));
        Put(doc, F.ActiveParams, Bson.Long(r.ActiveParams));
        Put(doc, F.TotalParamsEstimated, r.TotalParamsEstimated ? true : BsonValue.Null);
        Put(doc, F.ActiveParamsEstimated, r.ActiveParamsEstimated ? true : BsonValue.Null);
        Put(doc, F.Licence, Bson.Str(r.Licence));
        Put(doc, F.Gated, Bson.Bool(r.Gated));
        Put(doc, F.HasModelCard, Bson.Bool(r.HasModelCard));
        doc[F.Official] = r.Official;
        Put(doc, F.BaseModel, Bson.Str(r.BaseModel));
        Put(doc, F.Status, Bson.EnumUnless(r.Status, ReleaseStatus.Released));
        if (r.StatusHistory.Count > 0)
        {
            doc[F.StatusHistory] = new BsonArray(r.StatusHistory.Select(s => new BsonDocument { [F.Status] = Bson.Enum(s.Status), [F.StatusOn] = Bson.Time(s.On) }));
        }

        Put(doc, F.FoundBy, Bson.EnumUnless(r.FoundBy, DiscoveryPath.Seed));
        Put(doc, F.FormerRepoIds, r.FormerRepoIds.Count > 0 ? Bson.RepoIds(r.FormerRepoIds) : BsonValue.Null);
        doc[F.Enriched] = r.Enriched;
        Put(doc, F.Notes, Bson.Str(r.Notes));
        Put(doc, F.Caveats, r.Caveats.Count > 0 ? new BsonArray(r.Caveats.Select(c => Bson.Enum(c))) : BsonValue.Null);
        AddQueryFields(doc, r);
        return doc;
    }

    /// <summary>Reads v4 documents and the long-named ones of v1–v3 files (a migration step reads those).</summary>
    public static Release FromDocument(BsonDocument doc) => new()
    {
        Id = doc["_id"].AsString,
        RepoId = Bson.ReadRepoId(Get(doc, F.RepoId)) ?? RepoId.FromReleaseId(doc["_id"].AsString)
            ?? throw new InvalidDataException($"Stored release {doc["_id"]} has no repo id."),
        VendorId = Bson.ReadStr(Get(doc, F.VendorId)),
        BaseVendorId = Bson.ReadStr(Get(doc, F.BaseVendorId)),
        Family = Bson.ReadStr(Get(doc, F.Family)),
        Title = Bson.ReadStr(Get(doc, F.Title)) ?? throw new InvalidDataException($"Stored release {doc["_id"]} has no title."),
        CreatedAt = Bson.ReadTime(Get(doc, F.CreatedAt)),
        DetectedAt = Bson.ReadTime(Get(doc, F.DetectedAt)) ?? throw new InvalidDataException($"Stored release {doc["_id"]} has no detection time."),
        PublishedAt = Bson.ReadTime(Get(doc, F.PublishedAt)),
        Modality = Bson.ReadEnum(Get(doc, F.Modality), Modality.Unknown),
        PipelineTag = Bson.ReadStr(Get(doc, F.PipelineTag)),
        TotalParams = Bson.ReadLong(Get(doc, F.TotalParams)),
        ActiveParams = Bson.ReadLong(Get(doc, F.ActiveParams)),
        // Files written before the two flags hold one "ParamsEstimated" for both figures.
        TotalParamsEstimated = Bson.ReadBool(Get(doc, F.TotalParamsEstimated)) ?? Bson.ReadBool(doc["ParamsEstimated"]) ?? false,
        ActiveParamsEstimated = Bson.ReadBool(Get(doc, F.ActiveParamsEstimated)) ?? Bson.ReadBool(doc["ParamsEstimated"]) ?? false,
        Licence = Bson.ReadStr(Get(doc, F.Licence)),
        Gated = Bson.ReadBool(Get(doc, F.Gated)),
        HasModelCard = Bson.ReadBool(Get(doc, F.HasModelCard)),
        Official = Bson.ReadBool(Get(doc, F.Official)) ?? true,
        BaseModel = Bson.ReadStr(Get(doc, F.BaseModel)),
        Status = Bson.ReadEnum(Get(doc, F.Status), ReleaseStatus.Released),
        // Absent when empty (and in files written before status histories and caveats): read as none.
        StatusHistory = Get(doc, F.StatusHistory).IsArray
            ? [.. Get(doc, F.StatusHistory).AsArray.Select(s => new StatusChange(
                Bson.ReadEnum(Get(s.AsDocument, F.Status), ReleaseStatus.Released), Bson.ReadTime(Get(s.AsDocument, F.StatusOn))))]
            : [],
        FoundBy = Bson.ReadEnum(Get(doc, F.FoundBy), DiscoveryPath.Seed),
        FormerRepoIds = Bson.ReadRepoIds(Get(doc, F.FormerRepoIds)),
        Enriched = Bson.ReadBool(Get(doc, F.Enriched)) ?? false,
        Notes = Bson.ReadStr(Get(doc, F.Notes)),
        Caveats = Get(doc, F.Caveats).IsArray ? [.. Get(doc, F.Caveats).AsArray.Select(c => Bson.ReadEnum(c, ReleaseCaveat.RepoIdUnverified))] : [],
    };

    /// <summary>The fields that exist only for indexes; recomputed on every write.</summary>
    private static void AddQueryFields(BsonDocument doc, Release r)
    {
        var key = Key(r.RepoId);
        doc[SortKey] = SortKeyOf(r);
        doc[DetectedTicks] = Bson.Ticks(r.DetectedAt);
        doc[RepoKey] = key;
        var former = r.FormerRepoIds.Select(Key).Where(k => k != key).Distinct(StringComparer.Ordinal).ToList();
        Put(doc, FormerKeys, former.Count > 0 ? Bson.Strings(former) : BsonValue.Null);
    }

    public static string SortKeyOf(Release r)
    {
        var newestFirst = DateTimeOffset.MaxValue.UtcTicks - (r.PublishedAt ?? r.CreatedAt ?? r.DetectedAt).UtcTicks;
        return $"{newestFirst.ToString("D19", CultureInfo.InvariantCulture)}|{Key(r.RepoId)}";
    }

    public static string VendorPrefix(string vendorId) => $"{vendorId}|";

    /// <summary>Sorts after every key of the vendor ('}' follows '|').</summary>
    public static string VendorEnd(string vendorId) => $"{vendorId}}}";

    /// <summary>The repo keys of <paramref name="owner"/>: <c>owner/…</c> sorts between <c>owner/</c> and <c>owner0</c> ('0' follows '/').</summary>
    public static (string From, string To) OwnerRange(string owner) => ($"{Key(owner)}/", $"{Key(owner)}0");

    public static string Key(string value) => value.ToLowerInvariant();

    public static string Key(RepoId repoId) => Key(repoId.ToString());

    private static void Put(BsonDocument doc, string field, BsonValue value)
    {
        if (!value.IsNull)
        {
            doc[field] = value;
        }
    }

    private static BsonValue Get(BsonDocument doc, string field) =>
        doc.TryGetValue(field, out var value) ? value : doc[F.Old(field)];
}
