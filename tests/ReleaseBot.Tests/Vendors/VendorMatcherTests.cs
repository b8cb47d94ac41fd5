using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Seed;
using ReleaseBot.Core.Vendors;
using ReleaseBot.Testing.Builders;

namespace ReleaseBot.Tests.Vendors;

public sealed class VendorMatcherTests
{
    [Theory]
    [InlineData("qwen", "alibaba")]
    [InlineData("Qwen", "alibaba")]
    [InlineData("QWEN", "alibaba")]
    [InlineData("ｑｗｅｎ", "alibaba")]
    [InlineData("阿里", "alibaba")]
    [InlineData("alibaba", "alibaba")]
    [InlineData("Alibaba", "alibaba")]
    [InlineData("通义", "alibaba")]
    [InlineData("Wan-AI", "alibaba")]
    [InlineData("kimi", "moonshot")]
    [InlineData("Moonshot AI", "moonshot")]
    [InlineData("moonshot-ai", "moonshot")]
    [InlineData("月之暗面", "moonshot")]
    [InlineData("智谱", "zhipu")]
    [InlineData("GLM", "zhipu")]
    [InlineData("THUDM", "zhipu")]
    [InlineData("hunyuan", "tencent")]
    [InlineData("混元", "tencent")]
    [InlineData("step3", "stepfun")]
    [InlineData("llama", "meta")]
    public void Match_NameWithoutAliases_FindsVendor(string typed, string expected)
    {
        var match = VendorMatcher.Match(VendorBuilder.Catalogue, typed);

        Assert.Equal(expected, match.Vendor?.Id);
    }

    [Theory]
    [InlineData("qwen", "alibaba")]
    [InlineData("阿里", "alibaba")]
    [InlineData("通义", "alibaba")]
    [InlineData("千问", "alibaba")]
    [InlineData("kimi", "moonshot")]
    [InlineData("智谱", "zhipu")]
    [InlineData("z.ai", "zhipu")]
    [InlineData("文心", "baidu")]
    [InlineData("ernie", "baidu")]
    [InlineData("deepseek", "deepseek")]
    [InlineData("深度求索", "deepseek")]
    [InlineData("internlm", "shailab")]
    [InlineData("minimax", "minimax")]
    [InlineData("阶跃", "stepfun")]
    [InlineData("fnlp", "openmoss")]
    public async Task Match_BundledCatalogue_FindsVendor(string typed, string expected)
    {
        var vendors = await BundledVendorsAsync();

        Assert.Equal(expected, VendorMatcher.Match(vendors, typed).Vendor?.Id);
    }

    [Fact]
    public void Match_Misspelt_ReturnsNoVendorButSuggestions()
    {
        var match = VendorMatcher.Match(VendorBuilder.Catalogue, "alibabba");

        Assert.False(match.Found);
        Assert.Contains(match.Suggestions, v => v.Id == "alibaba");
    }

    [Theory]
    [InlineData("nosuchvendor")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("阿")]
    public void Match_Unknown_FindsNothing(string typed) =>
        Assert.Null(VendorMatcher.Match(VendorBuilder.Catalogue, typed).Vendor);

    [Fact]
    public void ByOwner_LegacyOrg_AttributesToVendor() =>
        Assert.Equal("zhipu", VendorMatcher.ByOwner(VendorBuilder.Catalogue, RepoId.Parse("THUDM/glm-4-9b"))?.Id);

    [Theory]
    [InlineData("Qwen/Qwen3-8B", "alibaba")]
    [InlineData("qwen/qwen3-8b", "alibaba")]
    [InlineData("QWEN/Qwen3-8B", "alibaba")]
    [InlineData("thudm/GLM-4-9B", "zhipu")]
    [InlineData("zai-org/GLM-4.5", "zhipu")]
    [InlineData("MoonshotAI/Kimi-K2-Instruct", "moonshot")]
    public void ByOwner_OwnerInAnyCaseOrFormerOrg_FindsTheVendor(string repoId, string vendorId) =>
        Assert.Equal(vendorId, VendorMatcher.ByOwner(VendorBuilder.Catalogue, RepoId.Parse(repoId))?.Id);

    [Fact]
    public void ByOwner_NoRepo_IsNobodys() =>
        Assert.Null(VendorMatcher.ByOwner(VendorBuilder.Catalogue, null));

    [Fact]
    public void OfRelease_StoredVendorOrOwner_AgreeWithByOwner()
    {
        var byOwner = new ReleaseBuilder("THUDM/GLM-4.1V-9B-Thinking").Build();
        var derivative = new ReleaseBuilder("unsloth/GLM-4.5-GGUF").DerivativeOf("zai-org/GLM-4.5").Build();

        Assert.Equal("zhipu", VendorMatcher.OfRelease(VendorBuilder.Catalogue, byOwner)?.Id);
        Assert.Null(VendorMatcher.OfRelease(VendorBuilder.Catalogue, derivative));
        Assert.Equal("zhipu", VendorMatcher.OfBaseModel(VendorBuilder.Catalogue, derivative)?.Id);
    }

    [Fact]
    public void ByOwner_NameLookalikeOwner_IsNotAttributed() =>
        Assert.Null(VendorMatcher.ByOwner(VendorBuilder.Catalogue, RepoId.Parse("unsloth/Qwen3-235B-A22B-GGUF")));

    internal static async Task<IReadOnlyList<Vendor>> BundledVendorsAsync()
    {
        using var harness = await Commands.CommandHarness.WithBundledDataAsync();
        return await harness.Store.Vendors.GetVendorsAsync(CancellationToken.None);
    }
}
