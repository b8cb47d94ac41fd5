using ReleaseBot.Tests.Dispatch;
using ReleaseBot.Core.Dispatch;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Planning;

namespace ReleaseBot.Tests.Planning;

public sealed class SubscriptionFilterEvaluatorTests
{
    private static readonly Release Qwen = TestData.Release("Qwen/Qwen3-235B-A22B-Instruct-2507");

    [Fact]
    public void Evaluate_NoFilters_Accepts()
    {
        var decision = SubscriptionFilterEvaluator.Evaluate(TestData.Subscription("s"), TestData.Detected(Qwen), Qwen);

        Assert.True(decision.Accepted);
        Assert.Equal(FilterCheck.None, decision.Check);
    }

    [Fact]
    public void Evaluate_OtherVendor_RejectsWithVendorReason()
    {
        var sub = TestData.Subscription("s", new SubscriptionFilter { Vendors = ["deepseek", "zhipu"] });

        var decision = SubscriptionFilterEvaluator.Evaluate(sub, TestData.Detected(Qwen), Qwen);

        Assert.False(decision.Accepted);
        Assert.Equal([FilterCheck.Vendor], decision.Failed);
    }

    [Fact]
    public void Evaluate_VendorCaseDiffers_Accepts()
    {
        var sub = TestData.Subscription("s", new SubscriptionFilter { Vendors = ["Alibaba"] });

        Assert.True(SubscriptionFilterEvaluator.Evaluate(sub, TestData.Detected(Qwen), Qwen).Accepted);
    }

    [Fact]
    public void Evaluate_DerivativeOfWantedVendor_AcceptedOnlyWhenDerivativesWanted()
    {
        var quant = TestData.Release("unsloth/Qwen3-235B-GGUF", vendor: null, official: false, baseVendor: "alibaba");
        var officialOnly = TestData.Subscription("a", new SubscriptionFilter { Vendors = ["alibaba"] });
        var withDerivatives = TestData.Subscription("b", new SubscriptionFilter { Vendors = ["alibaba"], OfficialOnly = false });

        var rejected = SubscriptionFilterEvaluator.Evaluate(officialOnly, TestData.Detected(quant), quant);
        var accepted = SubscriptionFilterEvaluator.Evaluate(withDerivatives, TestData.Detected(quant), quant);

        Assert.Equal(FilterCheck.OfficialOnly, rejected.Check);
        Assert.True(accepted.Accepted);
    }

    [Fact]
    public void Evaluate_OtherModality_RejectsWithModalityReason()
    {
        var sub = TestData.Subscription("s", new SubscriptionFilter { Modalities = [Modality.Image, Modality.Video] });

        var decision = SubscriptionFilterEvaluator.Evaluate(sub, TestData.Detected(Qwen), Qwen);

        Assert.Equal([FilterCheck.Modality], decision.Failed);
    }

    [Fact]
    public void Evaluate_UnknownModalityWithModalityList_Rejects()
    {
        var sub = TestData.Subscription("s", new SubscriptionFilter { Modalities = [Modality.Text] });
        var unknown = TestData.Release("Qwen/Qwen-Mystery", modality: Modality.Unknown);

        Assert.Equal(FilterCheck.Modality, SubscriptionFilterEvaluator.Evaluate(sub, TestData.Detected(unknown), unknown).Check);
        Assert.True(SubscriptionFilterEvaluator.Evaluate(TestData.Subscription("all"), TestData.Detected(unknown), unknown).Accepted);
    }

    [Fact]
    public void Evaluate_BelowMinParams_Rejects_UnknownSizePasses()
    {
        var sub = TestData.Subscription("s", new SubscriptionFilter { MinParams = 100_000_000_000 });
        var small = TestData.Release("Qwen/Qwen3-4B", totalParams: 4_000_000_000);
        var unknown = TestData.Release("Qwen/Qwen3-Mystery", totalParams: null);

        var rejected = SubscriptionFilterEvaluator.Evaluate(sub, TestData.Detected(small), small);

        Assert.Equal([FilterCheck.MinParams], rejected.Failed);
        Assert.True(SubscriptionFilterEvaluator.Evaluate(sub, TestData.Detected(unknown), unknown).Accepted);
        Assert.True(SubscriptionFilterEvaluator.Evaluate(sub, TestData.Detected(Qwen), Qwen).Accepted);
    }

    [Fact]
    public void Evaluate_RankAlertsOff_RejectsRankButNotRelease()
    {
        var sub = TestData.Subscription("s", new SubscriptionFilter { RankAlerts = false });

        Assert.Equal(FilterCheck.RankAlerts, SubscriptionFilterEvaluator.Evaluate(sub, TestData.RankEvent(Qwen), Qwen).Check);
        Assert.True(SubscriptionFilterEvaluator.Evaluate(sub, TestData.Detected(Qwen), Qwen).Accepted);
    }

    [Fact]
    public void Evaluate_PausedSubscription_RejectsEverything()
    {
        var sub = TestData.Subscription("s") with { Active = false, PausedReason = "bot was kicked" };

        var decision = SubscriptionFilterEvaluator.Evaluate(sub, TestData.Detected(Qwen), Qwen);

        Assert.False(decision.Accepted);
        Assert.Equal(FilterCheck.Paused, decision.Check);
    }

    [Fact]
    public void Evaluate_DigestOnly_RejectsInstantEvents()
    {
        var sub = TestData.Subscription("s", mode: DeliveryMode.Digest);

        Assert.Equal(FilterCheck.Mode, SubscriptionFilterEvaluator.Evaluate(sub, TestData.Detected(Qwen), Qwen).Check);
        Assert.Equal(FilterCheck.Mode, SubscriptionFilterEvaluator.Evaluate(sub, TestData.RankEvent(Qwen), Qwen).Check);
    }

    [Fact]
    public void Evaluate_WatchHit_OnlyForTheWatchingChat_EvenAgainstFilters()
    {
        var watch = new WatchPattern { Id = "w:qwen/*", SubscriptionId = "w", Pattern = "Qwen/*", CreatedAt = TestData.Start };
        var hit = BotEvent.WatchHit(watch, Qwen, TestData.Start);
        var watcher = TestData.Subscription("w", new SubscriptionFilter { Vendors = ["deepseek"] }, mode: DeliveryMode.Digest);
        var other = TestData.Subscription("o");

        Assert.True(SubscriptionFilterEvaluator.Evaluate(watcher, hit, Qwen).Accepted);
        Assert.Equal(FilterCheck.WatchTarget, SubscriptionFilterEvaluator.Evaluate(other, hit, Qwen).Check);
    }

    [Fact]
    public void Evaluate_UnknownRelease_FailsVendorListButPassesOpenFilter()
    {
        var move = TestData.RankEvent(TestData.Release("someone/new-model"));
        var open = TestData.Subscription("a");
        var byVendor = TestData.Subscription("b", new SubscriptionFilter { Vendors = ["alibaba"] });

        Assert.True(SubscriptionFilterEvaluator.Evaluate(open, move, release: null).Accepted);
        Assert.Equal(FilterCheck.Vendor, SubscriptionFilterEvaluator.Evaluate(byVendor, move, release: null).Check);
    }
}
