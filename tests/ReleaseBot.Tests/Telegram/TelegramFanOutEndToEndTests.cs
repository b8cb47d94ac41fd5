using System.Globalization;
using ReleaseBot.Core.Domain;
using ReleaseBot.Testing.Builders;
using ReleaseBot.Testing.FakeTelegram;
using ReleaseBot.Testing.Store;

namespace ReleaseBot.Tests.Telegram;

/// <summary>One announcement to many chats through the delivery engine and the Telegram sender, against a fake that enforces the limits.</summary>
public sealed class TelegramFanOutEndToEndTests : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();
    private readonly Release _release = new ReleaseBuilder("Qwen/Qwen3-30B-A3B-Instruct-2507", "alibaba").Params(30_000_000_000, 3_000_000_000).Build();
    private FakeTelegramServer _fake = null!;
    private TelegramHarness _bot = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _fake.DisposeAsync();
        _folder.Dispose();
    }

    private async Task StartAsync(double scale, params long[] chats)
    {
        _fake = await FakeTelegramServer.StartAsync(new FakeTelegramOptions().Scaled(scale));
        foreach (var id in chats)
        {
            _ = id > 0 ? _fake.State.AddPrivateChat(id) : _fake.State.AddGroup(id);
        }

        _bot = new TelegramHarness(_fake, _folder.Path).WithLimitsOfFake();
        await _bot.StartAsync();
        await _bot.AddReleasesAsync(_release);
        foreach (var id in chats)
        {
            await _bot.Subscriptions.UpsertSubscriptionAsync(Subscription(id), CancellationToken.None);
        }
    }

    private static Subscription Subscription(long chatId) => new()
    {
        Id = $"sub-{chatId}",
        Chat = Address(chatId),
        CreatedAt = DateTimeOffset.UtcNow,
        DigestTime = new TimeOnly(9, 0),
    };

    private static ChatAddress Address(long chatId) => new(Platform.Telegram, chatId.ToString(CultureInfo.InvariantCulture));

    /// <summary>Half private chats, half groups.</summary>
    private static long[] Chats(int count) =>
        [.. Enumerable.Range(1, count).Select(i => i % 2 == 0 ? 10_000L + i : -1_000_000_000_000L - i)];

    private Task PublishAsync() => _bot.Events.PublishAsync(BotEvent.ReleaseDetected(_release, DateTimeOffset.UtcNow), CancellationToken.None);

    private int Pending() => _bot.Outbox.CountByStateAsync(CancellationToken.None).Result.GetValueOrDefault(DeliveryState.Pending);

    [Fact]
    public async Task FanOut_To300Chats_EveryChatOnceAndNo429()
    {
        var chats = Chats(300);
        await StartAsync(10, chats);

        await PublishAsync();

        Assert.True(await TelegramHarness.WaitUntilAsync(() => _fake.State.SentMessages.Count >= 300 && Pending() == 0, TimeSpan.FromSeconds(60)));
        Assert.All(chats, id => Assert.Single(_fake.State.SentTo(id)));
        Assert.Equal(0, _fake.State.TooManyRequestsCount);
    }

    [Fact]
    public async Task FanOut_Injected429s_AreWaitedOutAndNothingIsLost()
    {
        var chats = Chats(40);
        await StartAsync(10, chats);
        _fake.State.FailNext(0, FakeFailure.TooManyRequests(1), times: 6);

        await PublishAsync();

        Assert.True(await TelegramHarness.WaitUntilAsync(() => _fake.State.SentMessages.Count >= 40 && Pending() == 0, TimeSpan.FromSeconds(60)));
        Assert.All(chats, id => Assert.Single(_fake.State.SentTo(id)));
        Assert.Equal(6, _fake.State.TooManyRequestsCount);
    }

    [Fact]
    public async Task FanOut_BlockedChat_PausesItsSubscriptionAndOthersGetTheirs()
    {
        var chats = Chats(10);
        await StartAsync(10, chats);
        _fake.State.FindChat(chats[1])!.Status = FakeChatStatus.Blocked;

        await PublishAsync();

        Assert.True(await TelegramHarness.WaitUntilAsync(() => _fake.State.SentMessages.Count >= 9 && Pending() == 0, TimeSpan.FromSeconds(30)));
        var paused = await _bot.Subscriptions.FindByChatAsync(Address(chats[1]), CancellationToken.None);
        Assert.False(paused!.Active);
        Assert.Equal("Forbidden: bot was blocked by the user", paused.PausedReason);
        Assert.All(chats.Where(c => c != chats[1]), id => Assert.Single(_fake.State.SentTo(id)));
    }

    [Fact]
    public async Task FanOut_MigratedGroup_MovesTheSubscriptionAndSendsThere()
    {
        const long oldGroup = -4242;
        const long supergroup = -1004242;
        await StartAsync(10, oldGroup);
        var old = _fake.State.FindChat(oldGroup)!;
        old.Status = FakeChatStatus.Migrated;
        old.MigratedTo = supergroup;
        _fake.State.AddGroup(supergroup);

        await PublishAsync();

        Assert.True(await TelegramHarness.WaitUntilAsync(() => _fake.State.SentTo(supergroup).Count == 1 && Pending() == 0, TimeSpan.FromSeconds(30)));
        var moved = await _bot.Subscriptions.GetSubscriptionAsync($"sub-{oldGroup}", CancellationToken.None);
        Assert.Equal(Address(supergroup), moved!.Chat);
        Assert.True(moved.Active);
    }

    [Fact]
    public async Task FanOut_RestartMidWay_SendsTheRestAndRepeatsAtMostTheInFlight()
    {
        var chats = Chats(300);
        await StartAsync(3, chats);

        await PublishAsync();
        Assert.True(await TelegramHarness.WaitUntilAsync(() => _fake.State.SentMessages.Count >= 100, TimeSpan.FromSeconds(30)));
        await _bot.StopAsync();
        var beforeRestart = _fake.State.SentMessages.Count;
        Assert.True(beforeRestart < 300, "the fan-out finished before the restart");

        _bot = new TelegramHarness(_fake, _folder.Path).WithLimitsOfFake();
        await _bot.StartAsync();

        Assert.True(await TelegramHarness.WaitUntilAsync(() => chats.All(id => _fake.State.SentTo(id).Count > 0) && Pending() == 0, TimeSpan.FromSeconds(60)));
        var repeated = chats.Sum(id => _fake.State.SentTo(id).Count - 1);
        // At most the sends in flight at the stop (Dispatch:MaxConcurrency = 64 in the harness). The new process does not
        // know what the old one sent in its last second, so it may draw a few 429s from the global window; those are waited out.
        Assert.InRange(repeated, 0, 64);
    }
}
