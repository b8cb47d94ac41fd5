using System.Text;
using System.Text.Json.Nodes;
using ReleaseBot.Core.Seed;

namespace ReleaseBot.Tests.Seed;

/// <summary>Builds small seed files in memory: two vendors, two releases, one snapshot; tests edit the JSON.</summary>
internal sealed class SeedFileBuilder
{
    public const string VendorsName = "test/vendors.json";
    public const string ReleasesName = "test/releases.seed.json";

    public JsonObject Vendors { get; } = JsonNode.Parse("""
        { "vendors": [
          { "id": "zhipu", "nameEn": "Zhipu AI", "nameZh": "智谱AI", "shortName": "Zhipu AI", "country": "CN",
            "hfOrgs": ["zai-org"], "legacyOrgs": ["THUDM"], "families": ["GLM-4.5"], "aliases": ["glm", "智谱"] },
          { "id": "alibaba", "nameEn": "Alibaba", "nameZh": "阿里巴巴", "country": "CN", "hfOrgs": ["Qwen", "Wan-AI"] }
        ] }
        """)!.AsObject();

    public JsonObject Releases { get; } = JsonNode.Parse("""
        { "releases": [
          { "repoId": "zai-org/GLM-4.5", "vendorId": "zhipu", "family": "GLM-4.5", "publishedAt": "2025-07-28T00:00:00+08:00",
            "totalParams": 355000000000, "activeParams": 32000000000, "modality": "Text", "pipelineTag": "text-generation",
            "licence": "mit", "status": "Released", "notes": "Exact HF createdAt: unverified." },
          { "repoId": "Qwen/Qwen3-Coder-480B-A35B-Instruct", "family": "Qwen3-Coder", "publishedAt": "2025-07-22T00:00:00+08:00",
            "totalParams": 480000000000, "activeParams": 35000000000, "modality": "text" }
        ],
        "snapshots": [
          { "id": "seed:trending:2025-07-30", "takenAt": "2025-07-30T00:00:00Z", "size": 10, "entries": [
            { "rank": 1, "repoId": "zai-org/GLM-4.5" },
            { "rank": 9, "vendorId": "alibaba", "label": "Wan2.2 (repo not stated)" } ] }
        ] }
        """)!.AsObject();

    public JsonObject Release(int index) => Releases["releases"]![index]!.AsObject();

    public SeedSource Build() => new(
        VendorsName, Encoding.UTF8.GetBytes(Vendors.ToJsonString()),
        ReleasesName, Encoding.UTF8.GetBytes(Releases.ToJsonString()));

    public static SeedSource Raw(string vendorsJson, string releasesJson) => new(
        VendorsName, Encoding.UTF8.GetBytes(vendorsJson), ReleasesName, Encoding.UTF8.GetBytes(releasesJson));
}
