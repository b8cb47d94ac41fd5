using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ingest;
using ReleaseBot.Core.Vendors;
using ReleaseBot.Testing.FakeHub;

namespace ReleaseBot.Tests.Ingest;

public sealed class ReleaseClassifierTests
{
    private static readonly DateTimeOffset Now = FakeHubSamples.At("2025-07-30T00:00:00Z");

    [Fact]
    public void Classify_ImpostorNamedLikeVendorModel_HasNoVendor()
    {
        var release = ReleaseClassifier.Classify(new HubModel { RepoId = RepoId.Parse("reteetzad/Kimi-K3") }, HubHarness.Vendors, DiscoveryPath.Trending, Now);

        Assert.Null(release.VendorId);
        Assert.Null(release.BaseVendorId);
        Assert.False(release.Official);
    }

    [Fact]
    public void Classify_QuantisationByOtherOwner_IsDerivativeOfVendor()
    {
        var model = new HubModel
        {
            RepoId = RepoId.Parse("unsloth/Qwen3-235B-A22B-Instruct-2507-GGUF"),
            Tags = ["gguf", "base_model:Qwen/Qwen3-235B-A22B-Instruct-2507", "base_model:quantized:Qwen/Qwen3-235B-A22B-Instruct-2507"],
        };

        var release = ReleaseClassifier.Classify(model, HubHarness.Vendors, DiscoveryPath.Trending, Now);

        Assert.False(release.Official);
        Assert.Null(release.VendorId);
        Assert.Equal("alibaba", release.BaseVendorId);
        Assert.Equal("Qwen/Qwen3-235B-A22B-Instruct-2507", release.BaseModel);
        Assert.Contains("quantized", release.Notes, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_LegacyOrg_BelongsToVendor()
    {
        var release = ReleaseClassifier.Classify(new HubModel { RepoId = RepoId.Parse("THUDM/GLM-4.1V-9B-Thinking") }, HubHarness.Vendors, DiscoveryPath.VendorPoll, Now);

        Assert.Equal("zhipu", release.VendorId);
        Assert.True(release.Official);
    }

    [Fact]
    public void Classify_MoeNameWithoutSafetensors_EstimatesTotalAndActive()
    {
        var release = ReleaseClassifier.Classify(new HubModel { RepoId = RepoId.Parse("Qwen/Qwen3-235B-A22B-Instruct-2507") }, HubHarness.Vendors, DiscoveryPath.VendorPoll, Now);

        Assert.Equal(235_000_000_000, release.TotalParams);
        Assert.Equal(22_000_000_000, release.ActiveParams);
        Assert.True(release.TotalParamsEstimated);
        Assert.True(release.ActiveParamsEstimated);
    }

    [Fact]
    public void Classify_SafetensorsCount_IsExactTotal()
    {
        var model = new HubModel { RepoId = RepoId.Parse("meta-llama/Llama-3.1-8B-Instruct"), SafetensorsTotal = 8_030_261_248 };

        var release = ReleaseClassifier.Classify(model, HubHarness.Vendors, DiscoveryPath.VendorPoll, Now);

        Assert.Equal(8_030_261_248, release.TotalParams);
        Assert.Null(release.ActiveParams);
        Assert.False(release.TotalParamsEstimated);
    }

    [Theory]
    [InlineData("Qwen/Qwen3-Coder-480B-A35B-Instruct", "Qwen3-Coder")]
    [InlineData("zai-org/GLM-4.5-Air", "GLM-4.5")]
    [InlineData("moonshotai/Kimi-K2-Instruct", "Kimi K2")]
    [InlineData("stepfun-ai/step3", "Step3")]
    [InlineData("reteetzad/Kimi-K3", "Kimi")]
    public void FamilyOf_Name_IsLongestVendorFamilyOrFirstToken(string repoId, string family)
    {
        var id = RepoId.Parse(repoId);

        Assert.Equal(family, ReleaseClassifier.FamilyOf(id.Name, VendorMatcher.ByOwner(HubHarness.Vendors, id)));
    }

    [Theory]
    [InlineData("text-generation", Modality.Text)]
    [InlineData("image-text-to-text", Modality.Vision)]
    [InlineData("text-to-image", Modality.Image)]
    [InlineData("image-to-video", Modality.Video)]
    [InlineData("text-to-speech", Modality.Audio)]
    [InlineData("image-to-3d", Modality.ThreeD)]
    [InlineData("any-to-any", Modality.Multimodal)]
    [InlineData("text-classification", Modality.Other)]
    [InlineData(null, Modality.Unknown)]
    public void FromPipelineTag_KnownTags_MapToModality(string? tag, Modality modality) =>
        Assert.Equal(modality, ModalityMap.FromPipelineTag(tag));

    [Theory]
    [InlineData("Qwen3-0.6B", 600_000_000L)]
    [InlineData("Hunyuan-A13B-Instruct", null)]
    [InlineData("Mixtral-8x7B", null)]
    [InlineData("ERNIE-4.5-300B-A47B-PT", 300_000_000_000L)]
    [InlineData("gemma-3-270m", 270_000_000L)]
    public void TotalFromName_Tokens_ParseOnlyWholeSizeTokens(string name, long? expected) =>
        Assert.Equal(expected, ParameterEstimate.TotalFromName(name));

    [Fact]
    public void Classify_Licence_FromCardOrTag()
    {
        var fromTag = ReleaseClassifier.Classify(new HubModel { RepoId = RepoId.Parse("Qwen/X"), Tags = ["license:apache-2.0"] }, HubHarness.Vendors, DiscoveryPath.VendorPoll, Now);
        var fromCard = ReleaseClassifier.Classify(new HubModel { RepoId = RepoId.Parse("Qwen/X"), Tags = ["license:other"], CardLicence = "qwen-research" }, HubHarness.Vendors, DiscoveryPath.VendorPoll, Now);

        Assert.Equal("apache-2.0", fromTag.Licence);
        Assert.Equal("qwen-research", fromCard.Licence);
    }
}
