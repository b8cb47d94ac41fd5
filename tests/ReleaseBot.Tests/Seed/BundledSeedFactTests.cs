using ReleaseBot.Core.Domain;

namespace ReleaseBot.Tests.Seed;

/// <summary>Facts a user would check with /model, /rank and /latest on a fresh install.</summary>
public sealed class BundledSeedFactTests
{
    private const long B = 1_000_000_000;

    private static Release Get(string repoId) => Assert.Single(BundledSeed.Catalog.Releases, r => r.RepoId.ToString() == repoId);

    private static RankSnapshot Snapshot => Assert.Single(BundledSeed.Catalog.Snapshots);

    [Fact]
    public void Snapshot_20250730_HasEightKnownRanksAllChinese()
    {
        var vendors = BundledSeed.Catalog.Vendors.ToDictionary(v => v.Id, StringComparer.Ordinal);
        var snapshot = Snapshot;

        var known = snapshot.Entries.Where(e => e.VendorId is not null).ToArray();

        Assert.Equal(10, snapshot.Size);
        Assert.Equal("seed", snapshot.Source);
        Assert.Equal(new DateOnly(2025, 7, 30), DateOnly.FromDateTime(snapshot.TakenAt.UtcDateTime));
        Assert.Equal([1, 2, 3, 5, 6, 7, 9, 10], known.Select(e => e.Rank));
        Assert.All(known, e => Assert.True(vendors[e.VendorId!].IsChinese, $"#{e.Rank} should be Chinese"));
    }

    [Theory]
    [InlineData(1, "zai-org/GLM-4.5", "zhipu")]
    [InlineData(2, "Qwen/Qwen3-Coder-480B-A35B-Instruct", "alibaba")]
    [InlineData(3, "tencent/HunyuanWorld-1", "tencent")]
    [InlineData(5, "Qwen/Qwen3-235B-A22B-Thinking-2507", "alibaba")]
    [InlineData(6, "zai-org/GLM-4.5-Air", "zhipu")]
    [InlineData(7, "Qwen/Qwen3-30B-A3B-Instruct-2507", "alibaba")]
    [InlineData(10, "Qwen/Qwen3-235B-A22B-Instruct-2507", "alibaba")]
    public void Snapshot_KnownRank_NamesRepoAndVendor(int rank, string repoId, string vendorId)
    {
        Assert.Equal(rank, Snapshot.RankOf(RepoId.Parse(repoId)));
        Assert.Equal(vendorId, Assert.Single(Snapshot.Entries, e => e.Rank == rank).VendorId);
    }

    [Fact]
    public void Snapshot_Rank9_IsWan22OfAlibabaWithoutInventedRepo()
    {
        var ninth = Assert.Single(Snapshot.Entries, e => e.Rank == 9);

        Assert.Null(ninth.RepoId);
        Assert.Equal("alibaba", ninth.VendorId);
        Assert.Equal("Wan2.2 (repo not stated)", ninth.Label);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    public void Snapshot_Ranks4And8_AreUnknownWithANote(int rank)
    {
        var entry = Assert.Single(Snapshot.Entries, e => e.Rank == rank);

        Assert.Null(entry.RepoId);
        Assert.Null(entry.VendorId);
        Assert.Contains("unverified", entry.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Glm45_Is355BTotal32BActiveMit()
    {
        var glm = Get("zai-org/GLM-4.5");

        Assert.Equal((355 * B, 32 * B), (glm.TotalParams, glm.ActiveParams));
        Assert.Equal("mit", glm.Licence);
        Assert.Equal("GLM-4.5", glm.Family);
        Assert.Equal(Modality.Text, glm.Modality);
        Assert.Equal(new DateTimeOffset(2025, 7, 28, 0, 0, 0, TimeSpan.FromHours(8)), glm.PublishedAt);
    }

    [Fact]
    public void Qwen3Coder_Is480BTotal35BActive()
    {
        var coder = Get("Qwen/Qwen3-Coder-480B-A35B-Instruct");

        Assert.Equal((480 * B, 35 * B), (coder.TotalParams, coder.ActiveParams));
        Assert.Equal("Qwen3-Coder", coder.Family);
        Assert.Contains("unverified", Get("Qwen/Qwen3-Coder-480B-A35B-Instruct-FP8").Notes, StringComparison.Ordinal);
    }

    [Fact]
    public void KimiK2Instruct_Is1TTotal32BActive()
    {
        var kimi = Get("moonshotai/Kimi-K2-Instruct");

        Assert.Equal((1000 * B, 32 * B), (kimi.TotalParams, kimi.ActiveParams));
        Assert.Equal("other: modified-mit", kimi.Licence);
    }

    [Fact]
    public void Step3_AnnouncedOnTheArticleDate_WeightsPublishedLaterOnAnUnrecordedDate()
    {
        var announced = new StatusChange(ReleaseStatus.Announced, new DateTimeOffset(2025, 7, 31, 0, 0, 0, TimeSpan.FromHours(8)));
        foreach (var step3 in new[] { Get("stepfun-ai/step3"), Get("stepfun-ai/step3-fp8") })
        {
            Assert.Equal(ReleaseStatus.Released, step3.Status);
            Assert.Equal([announced, new StatusChange(ReleaseStatus.Released, null)], step3.StatusHistory);
        }

        Assert.DoesNotContain(BundledSeed.Catalog.Releases, r => r.Status == ReleaseStatus.Announced);
    }

    [Fact]
    public void Caveats_NamedInNotes_AreKeptAsCaveats()
    {
        Assert.Equal([ReleaseCaveat.LicenceFromCatalogue, ReleaseCaveat.RepoIdUnverified], Get("baidu/ERNIE-4.5-VL-28B-A3B-PT").Caveats);
        Assert.Equal([ReleaseCaveat.ResearchOnlyTerms], Get("FunAudioLLM/ThinkSound").Caveats);
        Assert.Equal([ReleaseCaveat.RepoIdUnverified], Get("Qwen/Qwen3-Coder-480B-A35B-Instruct-FP8").Caveats);
        Assert.Empty(Get("zai-org/GLM-4.5").Caveats);
    }

    [Fact]
    public void Wan22_BaseRepos_CarryTheirHubCreatedAt()
    {
        Assert.Equal(DateTimeOffset.Parse("2025-07-18T09:35:44Z", System.Globalization.CultureInfo.InvariantCulture), Get("Wan-AI/Wan2.2-TI2V-5B").CreatedAt);
        Assert.Equal(DateTimeOffset.Parse("2025-07-24T15:07:15Z", System.Globalization.CultureInfo.InvariantCulture), Get("Wan-AI/Wan2.2-T2V-A14B").CreatedAt);
        Assert.Equal(DateTimeOffset.Parse("2025-07-24T07:51:43Z", System.Globalization.CultureInfo.InvariantCulture), Get("Wan-AI/Wan2.2-I2V-A14B").CreatedAt);
        Assert.Equal(Modality.Video, Get("Wan-AI/Wan2.2-I2V-A14B").Modality);
        Assert.Equal("image-to-video", Get("Wan-AI/Wan2.2-I2V-A14B").PipelineTag);
    }

    [Fact]
    public void ErnieAndRewardModels_EachHaveTheSizeInTheirName()
    {
        Assert.Equal((424 * B, 47 * B), (Get("baidu/ERNIE-4.5-VL-424B-A47B-PT").TotalParams, Get("baidu/ERNIE-4.5-VL-424B-A47B-PT").ActiveParams));
        Assert.Equal(21 * B, Get("baidu/ERNIE-4.5-21B-A3B-Base-PT").TotalParams);
        Assert.Equal(300_000_000, Get("baidu/ERNIE-4.5-0.3B-PT").TotalParams);
        Assert.Equal(600_000_000, Get("Skywork/Skywork-Reward-V2-Qwen3-0.6B").TotalParams);
        Assert.Equal(1_700_000_000, Get("Skywork/Skywork-Reward-V2-Qwen3-1.7B").TotalParams);
        Assert.Equal(8 * B, Get("Skywork/Skywork-Reward-V2-Llama-3.1-8B-40M").TotalParams);
    }

    [Fact]
    public void Glm41V_Is10BAndStillFoundUnderThudm()
    {
        var glm = Get("zai-org/GLM-4.1V-9B-Thinking");

        Assert.Equal(10 * B, glm.TotalParams);
        Assert.Contains(RepoId.Parse("THUDM/GLM-4.1V-9B-Thinking"), glm.FormerRepoIds);
        Assert.Equal(Modality.Vision, glm.Modality);
    }

    [Fact]
    public void UnverifiedFacts_AreMarkedNotInvented()
    {
        var intern = Get("internlm/Intern-S1");
        Assert.False(intern.TotalParamsEstimated);
        Assert.True(intern.ActiveParamsEstimated);
        Assert.Contains("derived", intern.Notes, StringComparison.Ordinal);

        Assert.False(Get("OpenSPG/KAG-Thinker-en-7b-instruct").HasModelCard);
        Assert.Null(Get("OpenSPG/KAG-Thinker-en-7b-instruct").Licence);
        Assert.Null(Get("FunAudioLLM/ThinkSound").TotalParams);
        Assert.Null(Get("tencent/HunyuanWorld-1").TotalParams);
        Assert.Equal(Modality.ThreeD, Get("tencent/HunyuanWorld-1").Modality);
        Assert.Null(Get("Skywork/Skywork-UniPic-1.5B").Licence);
        Assert.Contains("unverified", Get("baidu/ERNIE-4.5-VL-28B-A3B-PT").Notes, StringComparison.Ordinal);
        Assert.All(BundledSeed.Catalog.Releases, r => Assert.True(r.Official));
    }
}
