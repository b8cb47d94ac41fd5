using System.Text.Json;

namespace ReleaseBot.Bench.Scale;

/// <summary>
/// Writes a seed release file of N releases spread over the catalogue's vendor orgs, streamed with a
/// <see cref="Utf8JsonWriter"/> so that generating it does not count against the import's peak memory.
/// </summary>
public static class ScaleSeedWriter
{
    public static async Task<IReadOnlyList<(string VendorId, string Org)>> ReadOrgsAsync(string vendorsPath)
    {
        using var doc = JsonDocument.Parse(await File.ReadAllBytesAsync(vendorsPath));
        return [.. doc.RootElement.GetProperty("vendors").EnumerateArray()
            .SelectMany(v => v.GetProperty("hfOrgs").EnumerateArray().Select(o => (v.GetProperty("id").GetString()!, o.GetString()!)))];
    }

    public static async Task WriteAsync(string path, int count, IReadOnlyList<(string VendorId, string Org)> orgs)
    {
        await using var file = File.Create(path);
        await using var json = new Utf8JsonWriter(file);
        var start = new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);
        string[] modalities = ["Text", "Vision", "Image", "Video", "Audio"];
        json.WriteStartObject();
        json.WriteStartArray("releases");
        for (var i = 0; i < count; i++)
        {
            var (vendorId, org) = orgs[i % orgs.Count];
            json.WriteStartObject();
            json.WriteString("repoId", $"{org}/Model-{i:D6}-Instruct");
            json.WriteString("vendorId", vendorId);
            json.WriteString("family", $"Family-{i % 50}");
            json.WriteString("title", $"Model {i} Instruct");
            json.WriteString("publishedAt", start.AddMinutes(i * 7));
            json.WriteNumber("totalParams", 1_000_000_000L * (1 + (i % 300)));
            json.WriteString("modality", modalities[i % modalities.Length]);
            json.WriteString("pipelineTag", "text-generation");
            json.WriteString("licence", i % 3 == 0 ? "apache-2.0" : "mit");
            json.WriteBoolean("official", i % 5 != 0);
            json.WriteEndObject();
            if (i % 1000 == 999)
            {
                await json.FlushAsync();
            }
        }

        json.WriteEndArray();
        json.WriteStartArray("snapshots");
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
