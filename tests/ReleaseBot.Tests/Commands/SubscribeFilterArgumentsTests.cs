using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Replies;
using ReleaseBot.Testing.Rendering;

namespace ReleaseBot.Tests.Commands;

/// <summary>/subscribe's filter words: modalities, min:size, official|derivatives, ranks:on|off.</summary>
public sealed class SubscribeFilterArgumentsTests
{
    [Fact]
    public async Task Subscribe_EveryFilterWord_StoresEveryFilterAndSaysSo()
    {
        using var h = await CommandHarness.WithVendorsAsync();

        var reply = await h.SendAsync("/subscribe qwen zhipu text vision min:30b derivatives ranks:off digest");

        Assert.Equal(ReplyKind.Done, reply.Kind);
        Assert.Contains("Modalities: text, vision-language. Minimum size: 30B. Official only: no. Rank alerts: no.", reply.ToConsoleText(), StringComparison.Ordinal);
        var subscription = await h.SubscriptionAsync();
        var filter = subscription!.Filter;
        Assert.Equal(["alibaba", "zhipu"], filter.Vendors);
        Assert.Equal([Modality.Text, Modality.Vision], filter.Modalities);
        Assert.Equal(30_000_000_000L, filter.MinParams);
        Assert.False(filter.OfficialOnly);
        Assert.False(filter.RankAlerts);
        Assert.Equal(DeliveryMode.Digest, subscription.Mode);
    }

    [Theory]
    [InlineData("min:30b", 30_000_000_000L)]
    [InlineData("min:7B", 7_000_000_000L)]
    [InlineData("min:1.5b", 1_500_000_000L)]
    [InlineData("min:500m", 500_000_000L)]
    [InlineData("min:1t", 1_000_000_000_000L)]
    [InlineData("min:30", 30_000_000_000L)]
    [InlineData("MIN：70b", 70_000_000_000L)]
    public async Task Subscribe_MinSize_StoresParameters(string word, long expected)
    {
        using var h = await CommandHarness.WithVendorsAsync();

        await h.SendAsync("/subscribe " + word);

        Assert.Equal(expected, (await h.SubscriptionAsync())!.Filter.MinParams);
    }

    [Theory]
    [InlineData("speech", Modality.Audio)]
    [InlineData("3D", Modality.ThreeD)]
    [InlineData("图像", Modality.Image)]
    [InlineData("multimodal", Modality.Multimodal)]
    public async Task Subscribe_ModalityWord_StoresModality(string word, Modality expected)
    {
        using var h = await CommandHarness.WithVendorsAsync();

        await h.SendAsync("/subscribe " + word);

        Assert.Equal([expected], (await h.SubscriptionAsync())!.Filter.Modalities);
    }

    [Fact]
    public async Task Subscribe_Again_ReplacesTheNamedFiltersAndKeepsTheRest()
    {
        using var h = await CommandHarness.WithVendorsAsync();
        await h.SendAsync("/subscribe qwen text min:30b ranks:off derivatives");

        await h.SendAsync("/subscribe video official");

        var filter = (await h.SubscriptionAsync())!.Filter;
        Assert.Equal(["alibaba"], filter.Vendors);
        Assert.Equal([Modality.Video], filter.Modalities);
        Assert.Equal(30_000_000_000L, filter.MinParams);
        Assert.False(filter.RankAlerts);
        Assert.True(filter.OfficialOnly);
    }

    [Fact]
    public async Task Subscribe_PlainAgain_ChangesNoFilter()
    {
        using var h = await CommandHarness.WithVendorsAsync();
        await h.SendAsync("/subscribe qwen text min:30b ranks:off derivatives both");
        var before = await h.FingerprintAsync();

        var reply = await h.SendAsync("/subscribe");

        Assert.Contains("Subscription updated.", reply.ToConsoleText(), StringComparison.Ordinal);
        Assert.Contains("Minimum size: 30B", reply.ToConsoleText(), StringComparison.Ordinal);
        Assert.Equal(before, await h.FingerprintAsync());
    }

    [Fact]
    public async Task Subscribe_ClearingWords_RemoveEveryLimit()
    {
        using var h = await CommandHarness.WithVendorsAsync();
        await h.SendAsync("/subscribe qwen text min:30b ranks:off");

        await h.SendAsync("/subscribe all any min:0 ranks:on");

        var filter = (await h.SubscriptionAsync())!.Filter;
        Assert.Empty(filter.Vendors);
        Assert.Empty(filter.Modalities);
        Assert.Null(filter.MinParams);
        Assert.True(filter.RankAlerts);
    }

    [Theory]
    [InlineData("/subscribe min:huge", "\"min:huge\" is not a minimum size")]
    [InlineData("/subscribe min:-5b", "\"min:-5b\" is not a minimum size")]
    [InlineData("/subscribe min:", "\"min:\" is not a minimum size")]
    [InlineData("/subscribe min:999t", "\"min:999t\" is not a minimum size")]
    [InlineData("/subscribe ranks:maybe", "\"ranks:maybe\" is not a rank-alert switch")]
    [InlineData("/subscribe official derivatives", "\"official\" and \"derivatives\" contradict each other")]
    [InlineData("/subscribe min:7b min:30b", "\"min:7b\" and \"min:30b\" contradict each other")]
    [InlineData("/subscribe text min:30b ranks:off nosuchlab", "nosuchlab")]
    [InlineData("/subscribe size:30b", "size:30b")]
    public async Task Subscribe_BadFilterWord_ErrorNamesItAndNothingChanged(string text, string expected)
    {
        using var h = await CommandHarness.WithVendorsAsync();
        await h.SendAsync("/subscribe zhipu vision min:7b");
        var before = await h.FingerprintAsync();

        var reply = await h.SendAsync(text);

        Assert.Equal(ReplyKind.Error, reply.Kind);
        Assert.Contains(expected, reply.ToConsoleText(), StringComparison.Ordinal);
        Assert.Contains("Usage: /subscribe", reply.ToConsoleText(), StringComparison.Ordinal);
        Assert.Equal(before, await h.FingerprintAsync());
    }

    [Fact]
    public async Task Subscribe_TypedArgs_ValueWithSpacesIsOneVendorAndRefused()
    {
        using var h = await CommandHarness.WithVendorsAsync();
        await h.SendAsync("/subscribe zhipu");
        var before = await h.FingerprintAsync();

        var reply = await h.SendArgsAsync("/subscribe", "qwen digest");

        Assert.Equal(ReplyKind.Error, reply.Kind);
        Assert.Contains("qwen digest", reply.ToConsoleText(), StringComparison.Ordinal);
        Assert.Equal(DeliveryMode.Instant, (await h.SubscriptionAsync())!.Mode);
        Assert.Equal(before, await h.FingerprintAsync());
    }

    [Fact]
    public async Task Subscribe_TypedArgs_SizeHidingAnotherWordIsRefusedWhole()
    {
        using var h = await CommandHarness.WithVendorsAsync();
        await h.SendAsync("/subscribe zhipu");
        var before = await h.FingerprintAsync();

        var reply = await h.SendArgsAsync("/subscribe", "min:30b ranks:off");

        Assert.Contains("\"min:30b ranks:off\" is not a minimum size", reply.ToConsoleText(), StringComparison.Ordinal);
        Assert.Equal(before, await h.FingerprintAsync());
    }

    [Fact]
    public async Task Subscribe_TypedArgs_MultiWordVendorAndFilterWords_Stored()
    {
        using var h = await CommandHarness.WithVendorsAsync();

        var reply = await h.SendArgsAsync("/subscribe", "moonshot", "text", "min:30b", "official", "ranks:off", "both");

        Assert.Equal(ReplyKind.Done, reply.Kind);
        var subscription = await h.SubscriptionAsync();
        Assert.Equal(["moonshot"], subscription!.Filter.Vendors);
        Assert.Equal([Modality.Text], subscription.Filter.Modalities);
        Assert.Equal(30_000_000_000L, subscription.Filter.MinParams);
        Assert.False(subscription.Filter.RankAlerts);
        Assert.Equal(DeliveryMode.Both, subscription.Mode);
    }

    [Fact]
    public async Task Subscribe_ChannelWithFilterWords_AppliesThemToTheChannel()
    {
        using var h = await CommandHarness.WithVendorsAsync();
        h.Chat = new ChatAddress(Platform.Telegram, "42");
        h.Environment.ChannelAnswer = new Core.Ports.ChannelCheck(Core.Ports.ChannelCheckStatus.Ok, "-1009", "Model news");

        await h.SendAsync("/subscribe @modelnews qwen zhipu text min:30b official", isPrivate: true);

        var channel = await h.Store.Subscriptions.FindByChatAsync(new ChatAddress(Platform.Telegram, "-1009"), CancellationToken.None);
        Assert.Equal(["alibaba", "zhipu"], channel!.Filter.Vendors);
        Assert.Equal([Modality.Text], channel.Filter.Modalities);
        Assert.Equal(30_000_000_000L, channel.Filter.MinParams);
        Assert.True(channel.Filter.OfficialOnly);
    }

    [Fact]
    public async Task Subscribe_ChineseChat_SummaryInChinese()
    {
        using var h = await CommandHarness.WithVendorsAsync();
        await h.SendAsync("/lang zh");

        var reply = await h.SendAsync("/subscribe 文本 min:30b 衍生 ranks:off");

        Assert.Contains("模态：文本。最小参数量：30B。仅官方发布：否。热榜提醒：否。", reply.ToConsoleText(), StringComparison.Ordinal);
    }
}
