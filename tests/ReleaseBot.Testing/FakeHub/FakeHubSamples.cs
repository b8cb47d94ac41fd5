using System.Globalization;

namespace ReleaseBot.Testing.FakeHub;

/// <summary>
/// Models seeded from reference/samples: the two real list items (hf_models_list_default_fields.json), the gated
/// Llama (hf_model_info_…_gated.json), the trending fixture's impostor <c>reteetzad/Kimi-K3</c>, plus a quantised derivative.
/// </summary>
public static class FakeHubSamples
{
    public static FakeHubModel KimiK2Thinking() => new()
    {
        Id = "moonshotai/Kimi-K2-Thinking",
        CreatedAt = At("2025-11-04T08:25:31.000Z"),
        Likes = 578,
        TrendingScore = 580,
        Downloads = 5119,
        Tags = ["transformers", "safetensors", "kimi_k2", "text-generation", "conversational", "custom_code", "autotrain_compatible",
            "endpoints_compatible", "compressed-tensors", "region:us"],
        License = "other",
        Parameters = 1_026_408_232_448,
    };

    public static FakeHubModel MiniMaxM2() => new()
    {
        Id = "MiniMaxAI/MiniMax-M2",
        CreatedAt = At("2025-10-22T13:45:10.000Z"),
        Likes = 1178,
        TrendingScore = 319,
        Downloads = 846249,
        Tags = ["transformers", "safetensors", "minimax_m2", "text-generation", "conversational", "custom_code", "arxiv:2504.07164", "fp8", "region:us"],
        License = "mit",
        Parameters = 228_700_000_000,
    };

    public static FakeHubModel Llama31Instruct() => new()
    {
        Id = "meta-llama/Llama-3.1-8B-Instruct",
        CreatedAt = At("2024-07-18T08:56:00.000Z"),
        LastModified = At("2024-09-25T17:00:57.000Z"),
        Gated = "manual",
        Likes = 3763,
        Downloads = 5795728,
        Tags = ["transformers", "safetensors", "llama", "text-generation", "facebook", "meta", "pytorch", "llama-3", "conversational", "en", "region:us"],
        License = "llama3.1",
        BaseModel = "meta-llama/Llama-3.1-8B",
        Parameters = 8_030_261_248,
    };

    /// <summary>Named like a vendor model, owned by someone else (trending fixture, 2026-07-21).</summary>
    public static FakeHubModel ImpostorKimiK3() => new()
    {
        Id = "reteetzad/Kimi-K3",
        CreatedAt = At("2026-07-21T15:41:51.000Z"),
        Likes = 12,
        TrendingScore = 40,
        Tags = ["region:us"],
        PipelineTag = null,
        LibraryName = null,
        License = null,
        HasReadme = false,
    };

    /// <summary>A GGUF quantisation by another account of a vendor's model (a derivative).</summary>
    public static FakeHubModel QuantisedQwen(string baseModel = "Qwen/Qwen3-235B-A22B-Instruct-2507") => new()
    {
        Id = "unsloth/" + baseModel.Split('/')[1] + "-GGUF",
        CreatedAt = At("2025-07-22T02:00:00.000Z"),
        Likes = 300,
        TrendingScore = 120,
        Tags = ["gguf", "qwen3_moe", "text-generation", "conversational", "region:us"],
        LibraryName = null,
        BaseModel = baseModel,
        Parameters = null,
    };

    /// <summary>A plain vendor model with safetensors counts.</summary>
    public static FakeHubModel Model(string id, string createdAt, long? parameters = 8_000_000_000, long trendingScore = 10) => new()
    {
        Id = id,
        CreatedAt = At(createdAt),
        Parameters = parameters,
        TrendingScore = trendingScore,
        Likes = trendingScore * 2,
        Downloads = trendingScore * 100,
    };

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
