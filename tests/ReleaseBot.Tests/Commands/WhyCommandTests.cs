using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Replies;
using ReleaseBot.Testing.Builders;
using ReleaseBot.Testing.Rendering;

namespace ReleaseBot.Tests.Commands;

public sealed class WhyCommandTests
{
    [Fact]
    public async Task Why_OfficialReleaseAcceptedByChat_ExplainsPathOwnerAndVerdict()
    {
        using var h = await CommandHarness.WithVendorsAsync(SampleReleases.All);
        await h.SendAsync("/subscribe");

        var text = (await h.SendAsync("/why zai-org/GLM-4.5")).ToConsoleText();

        Assert.Contains("Found through polling the vendor's Hub organisation, first seen 2025-07-28 02:00 UTC.", text, StringComparison.Ordinal);
        Assert.Contains("Owner zai-org is an organisation of Zhipu AI", text, StringComparison.Ordinal);
        Assert.Contains("Official", text, StringComparison.Ordinal);
        Assert.Contains("This chat's filters accept it.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_DetectedAtChinaTime_ShowsTheInstantInUtc()
    {
        var release = new ReleaseBuilder("zai-org/GLM-4.5", "zhipu")
            .DetectedAt(new DateTimeOffset(2025, 7, 28, 0, 0, 0, TimeSpan.FromHours(8)))
            .Build();
        using var h = await CommandHarness.WithVendorsAsync(release);

        var text = (await h.SendAsync("/why zai-org/GLM-4.5")).ToConsoleText();

        Assert.Contains("first seen 2025-07-27 16:00 UTC.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_DerivativeWithVendorFilter_ListsEveryRejectingFilter()
    {
        using var h = await CommandHarness.WithVendorsAsync(SampleReleases.All);
        await h.AddSubscriptionAsync(new SubscriptionBuilder(h.Chat.ChatId).Vendors("zhipu").Modalities(Modality.Vision).Build());

        var text = (await h.SendAsync("/why unsloth/Qwen3-30B-A3B-Instruct-2507-GGUF")).ToConsoleText();

        Assert.Contains("Hugging Face trending list", text, StringComparison.Ordinal);
        Assert.Contains("Owner unsloth is not an organisation of a known vendor", text, StringComparison.Ordinal);
        Assert.Contains("Derivative (not from the vendor's own organisation), based on Qwen/Qwen3-30B-A3B-Instruct-2507.", text, StringComparison.Ordinal);
        Assert.Contains("• vendors limited to Zhipu AI", text, StringComparison.Ordinal);
        Assert.Contains("• modality text not selected", text, StringComparison.Ordinal);
        Assert.Contains("• official releases only, and this is a derivative", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/subscribe min:100b", "Qwen/Qwen3-30B-A3B-Instruct-2507", "• 30.5B is smaller than the minimum size 100B")]
    [InlineData("/subscribe image video", "zai-org/GLM-4.5", "• modality text not selected")]
    [InlineData("/subscribe official", "unsloth/Qwen3-30B-A3B-Instruct-2507-GGUF", "• official releases only, and this is a derivative")]
    public async Task Why_ModelTurnedAwayByAFilterWord_ShowsTheFailingCheck(string subscribe, string repoId, string expected)
    {
        using var h = await CommandHarness.WithVendorsAsync(SampleReleases.All);
        await h.SendAsync(subscribe);

        var text = (await h.SendAsync("/why " + repoId)).ToConsoleText();

        Assert.Contains("This chat's filters turn it away:", text, StringComparison.Ordinal);
        Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_DerivativesWanted_AcceptsTheDerivativeOfAChosenVendor()
    {
        using var h = await CommandHarness.WithVendorsAsync(SampleReleases.All);
        await h.SendAsync("/subscribe qwen derivatives");

        var text = (await h.SendAsync("/why unsloth/Qwen3-30B-A3B-Instruct-2507-GGUF")).ToConsoleText();

        Assert.Contains("This chat's filters accept it.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_RankAlertsOff_SaysTrendingMovesAreNotAnnounced()
    {
        using var h = await CommandHarness.WithVendorsAsync(SampleReleases.All);
        await h.SendAsync("/subscribe ranks:off");

        var text = (await h.SendAsync("/why zai-org/GLM-4.5")).ToConsoleText();

        Assert.Contains("This chat's filters accept it.", text, StringComparison.Ordinal);
        Assert.Contains("Its trending moves are not announced here: rank alerts are off (ranks:on turns them on).", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_MinSizeInChineseChat_ExplainsInChinese()
    {
        using var h = await CommandHarness.WithVendorsAsync(SampleReleases.All);
        await h.SendAsync("/lang zh");
        await h.SendAsync("/subscribe min:100b");

        var text = (await h.SendAsync("/why Qwen/Qwen3-30B-A3B-Instruct-2507")).ToConsoleText();

        Assert.Contains("• 30.5B 小于最小参数量 100B", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_UnseenRepo_SaysNotSeenAndWhoseItWouldBe()
    {
        using var h = await CommandHarness.WithVendorsAsync();

        var reply = await h.SendAsync("/why Qwen/Qwen4-Max");

        Assert.Equal(ReplyKind.Info, reply.Kind);
        Assert.Contains("I have not seen Qwen/Qwen4-Max", reply.ToConsoleText(), StringComparison.Ordinal);
        Assert.Contains("organisation of Alibaba", reply.ToConsoleText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_DigestOnlyChat_SaysItGoesToTheDigest()
    {
        using var h = await CommandHarness.WithVendorsAsync(SampleReleases.All);
        await h.SendAsync("/subscribe digest");

        var text = (await h.SendAsync("/why zai-org/GLM-4.5")).ToConsoleText();

        Assert.Contains("daily digest", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/why", "Which model?")]
    [InlineData("/why not-a-repo", "not a repo id")]
    public async Task Why_BadArgument_Error(string text, string expected)
    {
        using var h = await CommandHarness.WithVendorsAsync();

        var reply = await h.SendAsync(text);

        Assert.Equal(ReplyKind.Error, reply.Kind);
        Assert.Contains(expected, reply.ToConsoleText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_SentDelivery_SaysWhenItWasAnnouncedHere()
    {
        using var h = await CommandHarness.WithVendorsAsync(SampleReleases.Glm);
        await h.AddSubscriptionAsync(new SubscriptionBuilder(h.Chat.ChatId).Build());
        var subscription = (await h.SubscriptionAsync())!;
        var botEvent = BotEvent.ReleaseDetected(SampleReleases.Glm, SampleReleases.Glm.DetectedAt);
        var sentAt = new DateTimeOffset(2025, 7, 28, 2, 1, 0, TimeSpan.Zero);
        await h.Store.Outbox.TryAddAsync(
            new Delivery
            {
                Id = Delivery.KeyFor(subscription.Id, botEvent.Id),
                SubscriptionId = subscription.Id,
                Platform = Platform.Telegram,
                Event = botEvent,
                State = DeliveryState.Sent,
                CreatedAt = sentAt,
                NextAttemptAt = sentAt,
                SentAt = sentAt,
            },
            CancellationToken.None);

        var text = (await h.SendAsync("/why zai-org/GLM-4.5")).ToConsoleText();

        Assert.Contains("It was announced here on 2025-07-28 02:01 UTC.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_FoundBeforeChatSubscribed_SaysSo()
    {
        using var h = await CommandHarness.WithVendorsAsync(SampleReleases.Glm);
        await h.SendAsync("/subscribe");

        var text = (await h.SendAsync("/why zai-org/GLM-4.5")).ToConsoleText();

        Assert.Contains("found before this chat subscribed", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_SeedRelease_SaysSeedIsNeverAnnounced()
    {
        using var h = await CommandHarness.WithBundledDataAsync();
        await h.SendAsync("/subscribe");

        var text = (await h.SendAsync("/why moonshotai/Kimi-K2-Instruct")).ToConsoleText();

        Assert.Contains("bundled release history", text, StringComparison.Ordinal);
        Assert.Contains("never announced", text, StringComparison.Ordinal);
    }
}
