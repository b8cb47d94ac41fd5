using ReleaseBot.Core.Domain;
using ReleaseBot.Testing.Builders;

namespace ReleaseBot.Tests.Commands;

/// <summary>A few July 2025 releases (dates from the seed article), enough to tell vendors and counts apart.</summary>
public static class SampleReleases
{
    public static Release Kimi { get; } = Make("moonshotai/Kimi-K2-Instruct", "moonshot", 11).Params(1_000_000_000_000, 32_000_000_000).Licence("other: modified-mit").Build();
    public static Release Qwen235 { get; } = Make("Qwen/Qwen3-235B-A22B-Instruct-2507", "alibaba", 21).Params(235_000_000_000, 22_000_000_000).Licence("apache-2.0").Build();
    public static Release QwenCoder { get; } = Make("Qwen/Qwen3-Coder-480B-A35B-Instruct", "alibaba", 22).Params(480_000_000_000, 35_000_000_000).Licence("apache-2.0").Build();
    public static Release HunyuanWorld { get; } = Make("tencent/HunyuanWorld-1", "tencent", 27).WithModality(Modality.ThreeD, "image-to-3d").Build();
    public static Release Glm { get; } = Make("zai-org/GLM-4.5", "zhipu", 28).Params(355_000_000_000, 32_000_000_000).Licence("mit").Build();
    public static Release Qwen30 { get; } = Make("Qwen/Qwen3-30B-A3B-Instruct-2507", "alibaba", 30).Params(30_500_000_000, 3_300_000_000).Licence("apache-2.0").Build();
    public static Release Gguf { get; } = Make("unsloth/Qwen3-30B-A3B-Instruct-2507-GGUF", null, 30).DerivativeOf("Qwen/Qwen3-30B-A3B-Instruct-2507", "alibaba").FoundBy(DiscoveryPath.Trending).Build();
    public static Release Step3 { get; } = Make("stepfun-ai/step3", "stepfun", 31).Params(321_000_000_000, 38_000_000_000, totalEstimated: true, activeEstimated: true).Announced().Build();

    public static Release[] All { get; } = [Kimi, Qwen235, QwenCoder, HunyuanWorld, Glm, Qwen30, Gguf, Step3];

    /// <summary>The 2025-07-30 trending list as the seed has it: #4 and #8 unknown, #9 only its vendor.</summary>
    public static RankSnapshot Trending { get; } = new()
    {
        Id = "seed:trending:2025-07-30",
        TakenAt = new DateTimeOffset(2025, 7, 30, 0, 0, 0, TimeSpan.Zero),
        Size = 10,
        Source = "seed",
        Entries =
        [
            new(1, RepoId.Parse("zai-org/GLM-4.5")),
            new(2, RepoId.Parse("Qwen/Qwen3-Coder-480B-A35B-Instruct")),
            new(3, RepoId.Parse("tencent/HunyuanWorld-1")),
            new(4, null, Note: "not stated (all ten were Chinese)"),
            new(5, RepoId.Parse("Qwen/Qwen3-235B-A22B-Thinking-2507")),
            new(6, RepoId.Parse("zai-org/GLM-4.5-Air")),
            new(7, RepoId.Parse("Qwen/Qwen3-30B-A3B-Instruct-2507")),
            new(8, null),
            new(9, null, VendorId: "alibaba", Label: "Wan2.2 (repo not stated)"),
            new(10, RepoId.Parse("Qwen/Qwen3-235B-A22B-Instruct-2507")),
        ],
    };

    private static ReleaseBuilder Make(string repoId, string? vendorId, int day) =>
        new ReleaseBuilder(repoId, vendorId)
            .PublishedAt(new DateTimeOffset(2025, 7, day, 0, 0, 0, TimeSpan.FromHours(8)))
            .DetectedAt(new DateTimeOffset(2025, 7, day, 2, 0, 0, TimeSpan.Zero))
            .FoundBy(DiscoveryPath.VendorPoll);
}
