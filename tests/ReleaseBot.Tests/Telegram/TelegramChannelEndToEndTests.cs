using ReleaseBot.Core.Domain;
using ReleaseBot.Telegram.Chats;
using ReleaseBot.Testing.Builders;
using ReleaseBot.Testing.FakeTelegram;
using ReleaseBot.Testing.Store;
using Microsoft.Extensions.DependencyInjection;
using ReleaseBot.Core.Ports;

namespace ReleaseBot.Tests.Telegram;

/// <summary>A channel subscribed from a private chat, announcements into it, and the bot's removal.</summary>
public sealed class TelegramChannelEndToEndTests : IAsyncLifetime
{
    private const long Admin = 7001;
    private const long Channel = -1002025237232;
    private readonly TempDirectory _folder = new();
    private FakeTelegramServer _fake = null!;
    private TelegramHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeTelegramServer.StartAsync(new FakeTelegramOptions().Scaled(10));
        _fake.State.AddPrivateChat(Admin);
        _fake.State.AddChannel(Channel, "sportchannel451", "Model news").Members[Admin] = "creator";
        _bot = new TelegramHarness(_fake, _folder.Path).WithLimitsOfFake();
        await _bot.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _fake.DisposeAsync();
        _folder.Dispose();
    }

    private static ChatAddress ChannelAddress => new(Platform.Telegram, Channel.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private async Task AddBotAsChannelAdminAsync()
    {
        var channel = _fake.State.FindChat(Channel)!;
        channel.BotStatus = "administrator";
        channel.BotCanPost = true;
        _fake.State.Enqueue(TelegramUpdates.MyChatMember(Channel, "channel", Admin, _fake.BotId, "left", "administrator", username: "sportchannel451"));
        var state = _bot.Services.GetRequiredService<IStateStore>();
        Assert.True(await TelegramHarness.WaitUntilAsync(
            () => state.GetStateAsync(TelegramMembershipHandler.ChannelKey(Channel), CancellationToken.None).Result is not null));
    }

    private async Task SubscribeFromPrivateAsync(string text)
    {
        _fake.State.Enqueue(TelegramUpdates.PrivateCommand(Admin, text));
        Assert.True(await TelegramHarness.WaitUntilAsync(() => _fake.State.SentTo(Admin).Count > 0));
    }

    [Fact]
    public async Task ChannelFlow_AddSubscribeAnnounce_ArrivesInTheChannelExactlyOnce()
    {
        await AddBotAsChannelAdminAsync();
        await SubscribeFromPrivateAsync("/subscribe @sportchannel451 qwen");

        var subscription = await _bot.Subscriptions.FindByChatAsync(ChannelAddress, CancellationToken.None);
        Assert.NotNull(subscription);
        Assert.Equal(["alibaba"], subscription.Filter.Vendors);
        Assert.Single(_fake.State.SentTo(Channel));

        var qwen = new ReleaseBuilder("Qwen/Qwen3-235B-A22B-Thinking-2507", "alibaba").Params(235_000_000_000, 22_000_000_000).Licence("apache-2.0").Build();
        var glm = new ReleaseBuilder("zai-org/GLM-4.5-Air", "zhipu").Build();
        await _bot.AddReleasesAsync(qwen, glm);
        await _bot.Events.PublishAsync(BotEvent.ReleaseDetected(qwen, DateTimeOffset.UtcNow), CancellationToken.None);
        await _bot.Events.PublishAsync(BotEvent.ReleaseDetected(glm, DateTimeOffset.UtcNow), CancellationToken.None);
        await _bot.Events.PublishAsync(BotEvent.ReleaseDetected(qwen, DateTimeOffset.UtcNow), CancellationToken.None);

        Assert.True(await TelegramHarness.WaitUntilAsync(() => _fake.State.SentTo(Channel).Count >= 2));
        Assert.True(await TelegramHarness.WaitUntilAsync(() => PendingDeliveries() == 0));
        var posts = _fake.State.SentTo(Channel);
        Assert.Equal(2, posts.Count);
        Assert.Contains("Qwen3-235B-A22B-Thinking-2507", posts[1].PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain(posts, p => p.PlainText.Contains("GLM-4.5-Air", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Subscribe_ChannelByNumericId_SubscribesTheChannel()
    {
        await AddBotAsChannelAdminAsync();
        await SubscribeFromPrivateAsync($"/subscribe {Channel} qwen");

        var subscription = await _bot.Subscriptions.FindByChatAsync(ChannelAddress, CancellationToken.None);
        Assert.NotNull(subscription);
        Assert.Equal(["alibaba"], subscription.Filter.Vendors);
        Assert.Equal("Model news", subscription.ChatTitle);
        Assert.Single(_fake.State.SentTo(Channel));
    }

    [Fact]
    public async Task Subscribe_ChannelWhereBotCannotPost_IsRefused()
    {
        await SubscribeFromPrivateAsync("/subscribe @sportchannel451");

        Assert.Null(await _bot.Subscriptions.FindByChatAsync(ChannelAddress, CancellationToken.None));
        Assert.Empty(_fake.State.SentTo(Channel));
    }

    [Fact]
    public async Task Subscribe_ChannelBySomeoneNotItsAdmin_IsRefused()
    {
        await AddBotAsChannelAdminAsync();
        _fake.State.FindChat(Channel)!.Members[Admin] = "member";

        await SubscribeFromPrivateAsync("/subscribe @sportchannel451");

        Assert.Null(await _bot.Subscriptions.FindByChatAsync(ChannelAddress, CancellationToken.None));
    }

    [Fact]
    public async Task BotRemovedFromChannel_PausesTheSubscriptionWithTheReason()
    {
        await AddBotAsChannelAdminAsync();
        await SubscribeFromPrivateAsync("/subscribe @sportchannel451");

        _fake.State.Enqueue(TelegramUpdates.MyChatMember(Channel, "channel", Admin, _fake.BotId, "administrator", "kicked"));

        Assert.True(await TelegramHarness.WaitUntilAsync(
            () => _bot.Subscriptions.FindByChatAsync(ChannelAddress, CancellationToken.None).Result is { Active: false }));
        var paused = await _bot.Subscriptions.FindByChatAsync(ChannelAddress, CancellationToken.None);
        Assert.Contains("kicked", paused!.PausedReason, StringComparison.Ordinal);
    }

    private int PendingDeliveries() =>
        _bot.Outbox.CountByStateAsync(CancellationToken.None).Result.GetValueOrDefault(DeliveryState.Pending);
}
