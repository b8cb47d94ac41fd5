using ReleaseBot.Core.Messages;
using ReleaseBot.Testing.Builders;

namespace ReleaseBot.Tests.Messages;

public sealed class ReleaseGroupTests
{
    [Fact]
    public void Fold_VendorVariantsOfAListedModel_OneLineWithVariantLabels()
    {
        var fp8 = new ReleaseBuilder("Qwen/Qwen3-X-2507-FP8", "alibaba").DerivativeOfOwn("Qwen/Qwen3-X-2507");
        var main = new ReleaseBuilder("Qwen/Qwen3-X-2507", "alibaba").Build();
        var other = new ReleaseBuilder("zai-org/GLM-4.5", "zhipu").Build();

        var groups = ReleaseGroup.Fold([fp8, main, other]);

        Assert.Equal(["Qwen/Qwen3-X-2507", "zai-org/GLM-4.5"], groups.Select(g => g.Main.RepoId.ToString()));
        Assert.Equal(["FP8"], groups[0].VariantLabels());
        Assert.Empty(groups[1].Variants);
    }

    [Fact]
    public void Fold_CommunityQuantOfAListedModel_StaysOnItsOwnLine()
    {
        var main = new ReleaseBuilder("Qwen/Qwen3-X-2507", "alibaba").Build();
        var quant = new ReleaseBuilder("unsloth/Qwen3-X-2507-GGUF").DerivativeOf("Qwen/Qwen3-X-2507", "alibaba").Build();

        var groups = ReleaseGroup.Fold([main, quant]);

        Assert.Equal(2, groups.Count);
    }

    [Fact]
    public void Fold_VariantWhoseModelIsNotListed_StaysOnItsOwnLine()
    {
        var fp8 = new ReleaseBuilder("Qwen/Qwen3-X-2507-FP8", "alibaba").DerivativeOfOwn("Qwen/Qwen3-X-2507");

        var group = Assert.Single(ReleaseGroup.Fold([fp8]));

        Assert.Equal("Qwen/Qwen3-X-2507-FP8", group.Main.RepoId.ToString());
    }
}

internal static class ReleaseBuilderVariantExtensions
{
    /// <summary>A vendor's own variant (official, same vendor) of one of its models.</summary>
    public static ReleaseBot.Core.Domain.Release DerivativeOfOwn(this ReleaseBuilder builder, string baseModel) =>
        builder.Build() with { BaseModel = baseModel };
}
