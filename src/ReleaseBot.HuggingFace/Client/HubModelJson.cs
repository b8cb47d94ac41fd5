using System.Globalization;
using System.Text.Json;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ingest;

namespace ReleaseBot.HuggingFace.Client;

/// <summary>
/// Reads Hub model JSON (list items with or without <c>expand</c>, and model_info) tolerantly: absent keys
/// stay null, <c>gated</c> is <c>false|"auto"|"manual"</c>, <c>base_model</c> is a string or a list.
/// </summary>
public static class HubModelJson
{
    public static IReadOnlyList<HubModel> ParseList(JsonElement array)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException($"Expected a JSON array, got {array.ValueKind}.");
        }

        // An item whose id the Hub's own rules refuse cannot be fetched or linked: it is left out, not allowed to stop the list.
        return array.EnumerateArray()
            .Where(item => RepoId.TryParse(String(item, "id") ?? String(item, "modelId"), out _))
            .Select(Parse)
            .ToList();
    }

    public static HubModel Parse(JsonElement item)
    {
        var text = String(item, "id") ?? String(item, "modelId") ?? throw new JsonException("Model item without an id.");
        if (!RepoId.TryParse(text, out var id, out var problem))
        {
            throw new JsonException($"Model item id is not a repo id: {problem}.");
        }

        var card = item.TryGetProperty("cardData", out var c) && c.ValueKind == JsonValueKind.Object ? c : (JsonElement?)null;
        return new HubModel
        {
            RepoId = id,
            CreatedAt = Date(item, "createdAt"),
            LastModified = Date(item, "lastModified"),
            PipelineTag = String(item, "pipeline_tag"),
            LibraryName = String(item, "library_name"),
            Tags = Strings(item, "tags"),
            Private = Bool(item, "private"),
            Disabled = Bool(item, "disabled"),
            Gated = item.TryGetProperty("gated", out var g) ? g.ValueKind switch
            {
                JsonValueKind.String => true,
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => null,
            } : null,
            SafetensorsTotal = item.TryGetProperty("safetensors", out var st) && st.ValueKind == JsonValueKind.Object ? Long(st, "total") : null,
            CardLicence = card is { } cd ? Licence(cd) : null,
            CardBaseModels = card is { } cb ? Strings(cb, "base_model") : [],
            HasReadme = item.TryGetProperty("siblings", out var sib) && sib.ValueKind == JsonValueKind.Array
                ? sib.EnumerateArray().Any(s => string.Equals(String(s, "rfilename"), "README.md", StringComparison.OrdinalIgnoreCase))
                : null,
            TrendingScore = Long(item, "trendingScore"),
            Likes = Long(item, "likes"),
            Downloads = Long(item, "downloads"),
        };
    }

    private static string? Licence(JsonElement card)
    {
        var licence = String(card, "license");
        return licence == "other" ? String(card, "license_name") ?? licence : licence;
    }

    private static string? String(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool? Bool(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    private static long? Long(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Number)
        {
            return null;
        }

        if (v.TryGetInt64(out var l))
        {
            return l;
        }

        // 1e400 or 9e30 is no count of anything: left unknown rather than allowed to stop the listing.
        return v.TryGetDouble(out var d) && Math.Abs(d) < long.MaxValue ? (long)Math.Round(d) : null;
    }

    private static DateTimeOffset? Date(JsonElement e, string name) =>
        String(e, name) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;

    private static IReadOnlyList<string> Strings(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            return [];
        }

        return v.ValueKind switch
        {
            JsonValueKind.String => [v.GetString()!],
            JsonValueKind.Array => v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList(),
            _ => [],
        };
    }
}
