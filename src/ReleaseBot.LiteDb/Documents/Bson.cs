using System.Globalization;
using LiteDB;
using ReleaseBot.Core.Domain;

namespace ReleaseBot.LiteDb.Documents;

/// <summary>
/// Conversions between Core values and BSON. LiteDB's own DateTime drops the offset and
/// truncates to milliseconds, so instants are stored as round-trip ("o") strings, and a
/// separate UTC-ticks field is added wherever a query filters or sorts on time.
/// </summary>
internal static class Bson
{
    public static BsonValue Str(string? value) => value is null ? BsonValue.Null : new BsonValue(value);

    public static BsonValue Long(long? value) => value is { } v ? new BsonValue(v) : BsonValue.Null;

    public static BsonValue Int(int? value) => value is { } v ? new BsonValue(v) : BsonValue.Null;

    public static BsonValue Double(double? value) => value is { } v ? new BsonValue(v) : BsonValue.Null;

    public static BsonValue Bool(bool? value) => value is { } v ? new BsonValue(v) : BsonValue.Null;

    public static BsonValue Enum<T>(T value) where T : struct, System.Enum => new(value.ToString());

    /// <summary>Null (not written) when <paramref name="value"/> is what reading an absent field gives.</summary>
    public static BsonValue EnumUnless<T>(T value, T readDefault) where T : struct, System.Enum =>
        EqualityComparer<T>.Default.Equals(value, readDefault) ? BsonValue.Null : Enum(value);

    public static BsonValue Time(DateTimeOffset value) =>
        new(value.ToString("o", CultureInfo.InvariantCulture));

    public static BsonValue Time(DateTimeOffset? value) => value is { } v ? Time(v) : BsonValue.Null;

    /// <summary>
    /// An instant at offset zero as its UTC ticks (9 bytes instead of a 38-byte string); any other offset as
    /// <see cref="Time(DateTimeOffset)"/>, so the offset survives. <see cref="ReadTime"/> reads both.
    /// </summary>
    public static BsonValue CompactTime(DateTimeOffset? value) => value switch
    {
        null => BsonValue.Null,
        { Offset.Ticks: 0 } v => new BsonValue(v.UtcTicks),
        { } v => Time(v),
    };

    /// <summary>UTC ticks: sortable and comparable across offsets.</summary>
    public static BsonValue Ticks(DateTimeOffset? value) => value is { } v ? new BsonValue(v.UtcTicks) : BsonValue.Null;

    public static BsonValue Date(DateOnly? value) =>
        value is { } v ? new BsonValue(v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : BsonValue.Null;

    public static BsonValue TimeOfDay(TimeOnly value) => new(value.Ticks);

    public static BsonArray Strings(IEnumerable<string> values) => new(values.Select(v => new BsonValue(v)));

    /// <summary>Repo ids are stored as <c>owner/name</c> strings (the format of every existing data file).</summary>
    public static BsonValue RepoId(RepoId? value) => Str(value?.ToString());

    public static BsonArray RepoIds(IEnumerable<RepoId> values) => Strings(values.Select(v => v.ToString()));

    public static RepoId? ReadRepoId(BsonValue value) => value.IsNull ? null : Core.Domain.RepoId.Parse(value.AsString);

    public static RepoId ReadRequiredRepoId(BsonDocument doc, string field) => Core.Domain.RepoId.Parse(ReadRequiredStr(doc, field));

    public static IReadOnlyList<RepoId> ReadRepoIds(BsonValue value) => [.. ReadStrings(value).Select(Core.Domain.RepoId.Parse)];

    public static string? ReadStr(BsonValue value) => value.IsNull ? null : value.AsString;

    public static string ReadRequiredStr(BsonDocument doc, string field) =>
        ReadStr(doc[field]) ?? throw new InvalidDataException($"Stored document {doc["_id"]} has no '{field}'.");

    public static long? ReadLong(BsonValue value) => value.IsNull ? null : value.AsInt64;

    public static int? ReadInt(BsonValue value) => value.IsNull ? null : value.AsInt32;

    public static double? ReadDouble(BsonValue value) => value.IsNull ? null : value.AsDouble;

    public static bool? ReadBool(BsonValue value) => value.IsNull ? null : value.AsBoolean;

    public static T ReadEnum<T>(BsonValue value, T fallback) where T : struct, System.Enum =>
        value.IsNull ? fallback : System.Enum.Parse<T>(value.AsString);

    public static DateTimeOffset? ReadTime(BsonValue value) => value switch
    {
        { IsNull: true } => null,
        { IsInt64: true } => new DateTimeOffset(value.AsInt64, TimeSpan.Zero),
        _ => DateTimeOffset.ParseExact(value.AsString, "o", CultureInfo.InvariantCulture, DateTimeStyles.None),
    };

    public static DateTimeOffset ReadRequiredTime(BsonDocument doc, string field) =>
        ReadTime(doc[field]) ?? throw new InvalidDataException($"Stored document {doc["_id"]} has no '{field}'.");

    public static DateOnly? ReadDate(BsonValue value) => value.IsNull
        ? null
        : DateOnly.ParseExact(value.AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static TimeOnly? ReadTimeOfDay(BsonValue value) => value.IsNull ? null : new TimeOnly(value.AsInt64);

    public static IReadOnlyList<string> ReadStrings(BsonValue value) =>
        value.IsArray ? [.. value.AsArray.Select(v => v.AsString)] : [];
}
