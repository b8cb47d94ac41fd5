using ReleaseBot.Core.Digests;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Replies;
using ReleaseBot.Testing.Builders;
using ReleaseBot.Testing.Rendering;

namespace ReleaseBot.Tests.Commands;

public sealed class SubscribeCommandTests
{
    [Fact]
    public async Task Subscribe_NoArguments_CreatesInstantSubscriptionForAllVendors()
    {
        using var h = await CommandHarness.WithVendorsAsync();

        var reply = await h.SendAsync("/subscribe");

        Assert.Equal(ReplyKind.Done, reply.Kind);
        Assert.Contains("Vendors: all vendors. Mode: instant announcements.", reply.ToConsoleText(), StringComparison.Ordinal);
        var subscription = Assert.IsType<Subscription>(await h.SubscriptionAsync());
        Assert.True(subscription.Active);
        Assert.Equal(DeliveryMode.Instant, subscription.Mode);
        Assert.Empty(subscription.Filter.Vendors);
        Assert.Equal("42", subscription.CreatedBy);
        Assert.Equal(h.Time.GetUtcNow(), subscription.CreatedAt);
    }

    [Fact]
    public async Task Subscribe_DigestDefaultTimeConfigured_NewSubscriptionTakesIt()
    {
        using var h = new CommandHarness(new DigestOptions { DefaultTime = new TimeOnly(7, 30) });
        await h.Store.Vendors.UpsertVendorsAsync(VendorBuilder.Catalogue, CancellationToken.None);

        await h.SendAsync("/subscribe both");
        var settings = await h.SendAsync("/settings");

        Assert.Equal(new TimeOnly(7, 30), (await h.SubscriptionAsync())!.DigestTime);
        Assert.Contains("07:30 UTC", settings.ToConsoleText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_VendorsAndMode_StoresVendorIdsAndMode()
    {
        using var h = await CommandHarness.WithVendorsAsync();

        var reply = await h.SendAsync("/subscribe qwen 智谱 kimi digest");

        Assert.Contains("Alibaba, Zhipu AI, Moonshot AI", reply.ToConsoleText(), StringComparison.Ordinal);
        var subscription = await h.SubscriptionAsync();
        Assert.Equal(["alibaba", "zhipu", "moonshot"], subscription!.Filter.Vendors);
        Assert.Equal(DeliveryMode.Digest, subscription.Mode);
    }

    [Fact]
    public async Task Subscribe_MultiWordVendorName_MatchesWholeName()
    {
        using var h = await CommandHarness.WithVendorsAsync();

        await h.SendAsync("/subscribe moonshot ai qwen both");

        var subscription = await h.SubscriptionAsync();
        Assert.Equal(["moonshot", "alibaba"], subscription!.Filter.Vendors);
        Assert.Equal(DeliveryMode.Both, subscription.Mode);
    }

    [Fact]
    public async Task Subscribe_Again_UpdatesSameSubscriptionKeepingOtherSettings()
    {
        using var h = await CommandHarness.WithVendorsAsync();
        await h.SendAsync("/subscribe qwen");
        var first = await h.SubscriptionAsync();
        await h.SendAsync("/digest 08:30 Asia/Shanghai");

        var reply = await h.SendAsync("/subscribe both");

        Assert.Contains("Subscription updated.", reply.ToConsoleText(), StringComparison.Ordinal);
        var updated = await h.SubscriptionAsync();
        Assert.Equal(first!.Id, updated!.Id);
        Assert.Equal(["alibaba"], updated.Filter.Vendors);
        Assert.Equal(DeliveryMode.Both, updated.Mode);
        Assert.Equal("Asia/Shanghai", updated.TimeZone);
        Assert.Single(await h.Store.Subscriptions.GetSubscriptionsAsync(false, CancellationToken.None));
    }

    [Fact]
    public async Task Subscribe_PausedSubscription_IsResumedAndReasonCleared()
    {
        using var h = await CommandHarness.WithVendorsAsync();
        await h.AddSubscriptionAsync(new SubscriptionBuilder(h.Chat.ChatId).Vendors("zhipu").Paused("bot was kicked").Build());

        var reply = await h.SendAsync("/subscribe");

        Assert.Contains("Subscription resumed.", reply.ToConsoleText(), StringComparison.Ordinal);
        var subscription = await h.SubscriptionAsync();
        Assert.True(subscription!.Active);
        Assert.Null(subscription.PausedReason);
        Assert.Null(subscription.PausedAt);
        Assert.Equal(["zhipu"], subscription.Filter.Vendors);
    }

    [Fact]
    public async Task Subscribe_All_ClearsVendorFilter()
    {
        using var h = await CommandHarness.WithVendorsAsync();
        await h.SendAsync("/subscribe qwen");

        await h.SendAsync("/subscribe all");

        Assert.Empty((await h.SubscriptionAsync())!.Filter.Vendors);
    }

    [Theory]
    [InlineData("/subscribe qwen nosuchlab")]
    [InlineData("/subscribe instant digest")]
    [InlineData("/subscribe <script>alert(1)</script>")]
    public async Task Subscribe_BadArguments_ErrorAndNothingChanged(string text)
    {
        using var h = await CommandHarness.WithVendorsAsync();
        await h.SendAsync("/subscribe zhipu");
        var before = await h.FingerprintAsync();

        var reply = await h.SendAsync(text);

        Assert.Equal(ReplyKind.Error, reply.Kind);
        Assert.Contains("Usage: /subscribe", reply.ToConsoleText(), StringComparison.Ordinal);
        Assert.Equal(before, await h.FingerprintAsync());
    }

    [Fact]
    public async Task Subscribe_NotAdmin_RefusedAndNothingStored()
    {
        using var h = await CommandHarness.WithVendorsAsync();
        h.Environment.SenderIsAdmin = false;

        var reply = await h.SendAsync("/subscribe qwen");

        Assert.Equal(ReplyKind.Error, reply.Kind);
        Assert.Equal("⚠ Only admins of this chat can use /subscribe. Nothing was changed.", reply.ToConsoleText());
        Assert.Null(await h.SubscriptionAsync());
    }

    [Fact]
    public async Task Subscribe_ChannelFromPrivateChat_SubscribesChannelAndPostsFirstMessage()
    {
        using var h = await CommandHarness.WithVendorsAsync();
        h.Chat = new ChatAddress(Platform.Telegram, "42");
        h.Environment.ChannelAnswer = new ChannelCheck(ChannelCheckStatus.Ok, "-1009", "Model news");

        var reply = await h.SendAsync("/subscribe @modelnews qwen", isPrivate: true);

        Assert.Equal(ReplyKind.Done, reply.Kind);
        Assert.Equal(["@modelnews"], h.Environment.CheckedChannels);
        var channel = await h.Store.Subscriptions.FindByChatAsync(new ChatAddress(Platform.Telegram, "-1009"), CancellationToken.None);
        Assert.Equal(["alibaba"], channel!.Filter.Vendors);
        Assert.Equal("Model news", channel.ChatTitle);
        Assert.Null(await h.SubscriptionAsync());
        var (chatId, post) = Assert.Single(h.Environment.Posts);
        Assert.Equal("-1009", chatId);
        Assert.Contains("ReleaseBot", post.ToConsoleText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1001234567890")]
    [InlineData("1234567890")]
    public async Task Subscribe_NumericChannelIdFromPrivateChat_SubscribesChannel(string channelId)
    {
        using var h = await CommandHarness.WithVendorsAsync();
        h.Chat = new ChatAddress(Platform.Telegram, "42");
        h.Environment.ChannelAnswer = new ChannelCheck(ChannelCheckStatus.Ok, "-1001234567890", "Model news");

        var reply = await h.SendAsync($"/subscribe {channelId} qwen", isPrivate: true);

        Assert.Equal(ReplyKind.Done, reply.Kind);
        Assert.Equal([channelId], h.Environment.CheckedChannels);
        var channel = await h.Store.Subscriptions.FindByChatAsync(new ChatAddress(Platform.Telegram, "-1001234567890"), CancellationToken.None);
        Assert.Equal(["alibaba"], channel!.Filter.Vendors);
        Assert.Null(await h.SubscriptionAsync());
        Assert.Equal("-1001234567890", Assert.Single(h.Environment.Posts).ChatId);
    }

    [Fact]
    public async Task Subscribe_ChannelIdFromGroup_AsksForPrivateChat()
    {
        using var h = await CommandHarness.WithVendorsAsync();
        h.Chat = new ChatAddress(Platform.Telegram, "-1005");

        var reply = await h.SendAsync("/subscribe -1001234567890", isPrivate: false);

        Assert.Contains("private chat", reply.ToConsoleText(), StringComparison.Ordinal);
        Assert.Empty(h.Environment.CheckedChannels);
    }

    [Theory]
    [InlineData(ChannelCheckStatus.BotCannotPost, "make me an admin there")]
    [InlineData(ChannelCheckStatus.SenderNotAdmin, "Only admins of @modelnews")]
    [InlineData(ChannelCheckStatus.NotFound, "cannot find @modelnews")]
    public async Task Subscribe_ChannelCheckFails_ExplainsAndStoresNothing(ChannelCheckStatus status, string expected)
    {
        using var h = await CommandHarness.WithVendorsAsync();
        h.Environment.ChannelAnswer = new ChannelCheck(status);

        var reply = await h.SendAsync("/subscribe @modelnews", isPrivate: true);

        Assert.Equal(ReplyKind.Error, reply.Kind);
        Assert.Contains(expected, reply.ToConsoleText(), StringComparison.Ordinal);
        Assert.Empty(await h.Store.Subscriptions.GetSubscriptionsAsync(false, CancellationToken.None));
        Assert.Empty(h.Environment.Posts);
    }

    [Fact]
    public async Task Subscribe_ChannelFromGroup_AsksForPrivateChat()
    {
        using var h = await CommandHarness.WithVendorsAsync();

        var reply = await h.SendAsync("/subscribe @modelnews", isPrivate: false);

        Assert.Contains("private chat", reply.ToConsoleText(), StringComparison.Ordinal);
        Assert.Empty(h.Environment.CheckedChannels);
    }

    [Fact]
    public async Task Subscribe_ChannelOnDiscord_NotSupported()
    {
        using var h = await CommandHarness.WithVendorsAsync();
        h.Chat = new ChatAddress(Platform.Discord, "123");

        var reply = await h.SendAsync("/subscribe @modelnews", isPrivate: true);

        Assert.Contains("Telegram only", reply.ToConsoleText(), StringComparison.Ordinal);
        Assert.Empty(await h.Store.Subscriptions.GetSubscriptionsAsync(false, CancellationToken.None));
    }

    [Fact]
    public async Task Unsubscribe_Subscribed_RemovesSubscriptionAndWatches()
    {
        using var h = await CommandHarness.WithVendorsAsync();
        await h.SendAsync("/subscribe");
        await h.SendAsync("/watch stepfun-ai/step3*");

        var reply = await h.SendAsync("/unsubscribe");

        Assert.Equal(ReplyKind.Done, reply.Kind);
        Assert.Null(await h.SubscriptionAsync());
        Assert.Empty(await h.Store.Watches.GetWatchesAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task Unsubscribe_NotAdmin_RefusedAndKept()
    {
        using var h = await CommandHarness.WithVendorsAsync();
        await h.SendAsync("/subscribe");
        h.Environment.SenderIsAdmin = false;

        var reply = await h.SendAsync("/unsubscribe");

        Assert.Equal(ReplyKind.Error, reply.Kind);
        Assert.NotNull(await h.SubscriptionAsync());
    }

    [Fact]
    public async Task Unsubscribe_NotSubscribed_SaysSo()
    {
        using var h = await CommandHarness.WithVendorsAsync();

        Assert.Equal("This chat is not subscribed.", (await h.SendAsync("/unsubscribe")).ToConsoleText());
    }
}
