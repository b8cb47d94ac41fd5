using ReleaseBot.Core.Messages;
using ReleaseBot.Core.Dispatch;
using ReleaseBot.Core.Domain;
using ReleaseBot.Testing.Builders;
using ReleaseBot.Core.Planning;

namespace ReleaseBot.Tests.Messages;

/// <summary>/why and the digest must say what the delivery planner does.</summary>
public sealed class FilterTextTests
{
    public static TheoryData<string> Cases() => ["official", "derivative", "derivative-of-zhipu", "unknown-modality", "small", "unknown-size", "vision"];

    private static Release ReleaseFor(string name) => name switch
    {
        "derivative" => new ReleaseBuilder("unsloth/GLM-4.5-GGUF").DerivativeOf("zai-org/GLM-4.5").Build(),
        "derivative-of-zhipu" => new ReleaseBuilder("unsloth/GLM-4.5-GGUF").DerivativeOf("zai-org/GLM-4.5", "zhipu").Build(),
        "unknown-modality" => new ReleaseBuilder("zai-org/x", "zhipu").WithModality(Modality.Unknown).Build(),
        "small" => new ReleaseBuilder("zai-org/tiny", "zhipu").Params(500_000_000).Build(),
        "unknown-size" => new ReleaseBuilder("zai-org/y", "zhipu").Build(),
        "vision" => new ReleaseBuilder("Qwen/Qwen-VL", "alibaba").WithModality(Modality.Vision).Params(72_000_000_000).Build(),
        _ => new ReleaseBuilder("zai-org/GLM-4.5", "zhipu").Params(355_000_000_000).Build(),
    };

    private static IEnumerable<SubscriptionFilter> Filters()
    {
        yield return SubscriptionFilter.All;
        yield return new SubscriptionFilter { Vendors = ["zhipu"] };
        yield return new SubscriptionFilter { Vendors = ["zhipu"], OfficialOnly = false };
        yield return new SubscriptionFilter { Modalities = [Modality.Text] };
        yield return new SubscriptionFilter { MinParams = 7_000_000_000 };
        yield return new SubscriptionFilter { OfficialOnly = false, Modalities = [Modality.Vision], MinParams = 1_000_000_000 };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reasons_OnePerFailingCheck_AgreeWithPlannerDecision(string name)
    {
        var release = ReleaseFor(name);
        foreach (var filter in Filters())
        {
            var decision = SubscriptionFilterEvaluator.EvaluateRelease(filter, release);
            var reasons = FilterText.Reasons(decision, filter, release, VendorBuilder.Catalogue, Language.En);
            Assert.True(decision.Accepted == (reasons.Count == 0), $"{name} with {filter}: planner {decision}, reasons [{string.Join("; ", reasons)}]");
            Assert.Equal(decision.Failed.Count, reasons.Count);
        }
    }

    [Fact]
    public void Reasons_SeveralFailingChecks_ListsEveryOneInTheChatsLanguage()
    {
        var filter = new SubscriptionFilter { Vendors = ["zhipu"], Modalities = [Modality.Text], MinParams = 100_000_000_000 };
        var release = new ReleaseBuilder("Qwen/Qwen-VL", "alibaba").WithModality(Modality.Vision).Params(7_000_000_000).Build();

        var decision = SubscriptionFilterEvaluator.EvaluateRelease(filter, release);
        var english = FilterText.Reasons(decision, filter, release, VendorBuilder.Catalogue, Language.En);
        var chinese = FilterText.Reasons(decision, filter, release, VendorBuilder.Catalogue, Language.Zh);

        Assert.Equal([FilterCheck.Vendor, FilterCheck.Modality, FilterCheck.MinParams], decision.Failed);
        Assert.Equal(3, english.Count);
        Assert.Contains(FilterText.Vendors(filter, VendorBuilder.Catalogue, Language.En), english[0], StringComparison.Ordinal);
        Assert.Contains("100B", english[2], StringComparison.Ordinal);
        Assert.Equal(3, chinese.Count);
        Assert.NotEqual(english, chinese);
    }
}
