using ReleaseBot.Core.Domain;
using ReleaseBot.Testing.Builders;
using ReleaseBot.Testing.FakeTelegram;
using ReleaseBot.Testing.Store;

namespace ReleaseBot.Tests.Telegram;

/// <summary>Commands typed in Telegram chats, through the fake Bot API, the real host pieces and a LiteDB file.</summary>
public sealed class TelegramCommandsEndToEndTests : IAsyncLifetime
{
    private const long User = 5001;
    private const long Group = -1001001;
    private readonly TempDirectory _folder = new();
    private FakeTelegramServer _fake = null!;
    private TelegramHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeTelegramServer.StartAsync(new FakeTelegramOptions().Scaled(10));
        _fake.State.AddPrivateChat(User);
        _fake.State.AddGroup(Group, "Model watchers");
        _bot = new TelegramHarness(_fake, _folder.Path).WithLimitsOfFake();
        await _bot.StartAsync();
        await _bot.AddReleasesAsync(
            new ReleaseBuilder("Qwen/Qwen3-Coder-480B-A35B-Instruct", "alibaba").Params(480_000_000_000, 35_000_000_000).Licence("apache-2.0").Build(),
            new ReleaseBuilder("zai-org/GLM-4.5", "zhipu").Build());
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _fake.DisposeAsync();
        _folder.Dispose();
    }

    private async Task<string> AnswerAsync(long chatId, System.Text.Json.Nodes.JsonObject update)
    {
        var before = _fake.State.SentTo(chatId).Count;
        _fake.State.Enqueue(update);
        Assert.True(
            await TelegramHarness.WaitUntilAsync(() => _fake.State.SentTo(chatId).Count > before),
            "no reply; calls: " + string.Join(", ", _fake.State.Calls.Where(c => c.Method != "getupdates").TakeLast(6).Select(c => $"{c.Method}:{c.Status}:{c.Parameters.ToJsonString()}")));
        return string.Join("\n", _fake.State.SentTo(chatId).Skip(before).Select(m => m.PlainText));
    }

    [Fact]
    public async Task Commands_InPrivateChat_GetAnswers()
    {
        var latest = await AnswerAsync(User, TelegramUpdates.PrivateCommand(User, "/latest"));
        var rank = await AnswerAsync(User, TelegramUpdates.PrivateCommand(User, "/rank"));
        var vendor = await AnswerAsync(User, TelegramUpdates.PrivateCommand(User, "/vendor qwen"));

        Assert.Contains("Qwen3-Coder-480B-A35B-Instruct", latest, StringComparison.Ordinal);
        Assert.Contains("GLM-4.5", latest, StringComparison.Ordinal);
        Assert.NotEmpty(rank);
        Assert.Contains("Alibaba", vendor, StringComparison.Ordinal);
        Assert.Equal(0, _fake.State.TooManyRequestsCount);
    }

    [Fact]
    public async Task Commands_InGroup_AnswerOwnAndIgnoreOtherBots()
    {
        _fake.State.Enqueue(TelegramUpdates.GroupCommand(Group, User, "/latest@other_bot"));
        var latest = await AnswerAsync(Group, TelegramUpdates.GroupCommand(Group, User, "/latest@release_test_bot qwen"));

        Assert.Contains("Qwen3-Coder", latest, StringComparison.Ordinal);
        Assert.Single(_fake.State.SentTo(Group));
    }

    [Fact]
    public async Task Subscribe_InGroupByNonAdmin_IsRefusedAndChangesNothing()
    {
        _fake.State.FindChat(Group)!.Members[User] = "member";

        var answer = await AnswerAsync(Group, TelegramUpdates.GroupCommand(Group, User, "/subscribe qwen"));

        Assert.NotEmpty(answer);
        Assert.Null(await _bot.Subscriptions.FindByChatAsync(new ChatAddress(Platform.Telegram, Group.ToString(System.Globalization.CultureInfo.InvariantCulture)), CancellationToken.None));
        Assert.Contains(_fake.State.Calls, c => c.Method == "getchatmember");
    }

    [Fact]
    public async Task Subscribe_InGroupByAdminOrAnonymousAdmin_Subscribes()
    {
        var chat = new ChatAddress(Platform.Telegram, Group.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _fake.State.FindChat(Group)!.Members[User] = "administrator";

        await AnswerAsync(Group, TelegramUpdates.GroupCommand(Group, User, "/subscribe qwen"));
        var byAdmin = await _bot.Subscriptions.FindByChatAsync(chat, CancellationToken.None);
        await AnswerAsync(Group, TelegramUpdates.AnonymousAdminCommand(Group, "/subscribe zhipu"));
        var byAnonymous = await _bot.Subscriptions.FindByChatAsync(chat, CancellationToken.None);

        Assert.Equal(["alibaba"], byAdmin!.Filter.Vendors);
        Assert.Equal(["zhipu"], byAnonymous!.Filter.Vendors);
    }

    [Fact]
    public async Task Subscribe_FilterWordsInGroup_StoredAndShownBySettings()
    {
        var chat = new ChatAddress(Platform.Telegram, Group.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _fake.State.FindChat(Group)!.Members[User] = "administrator";

        await AnswerAsync(Group, TelegramUpdates.GroupCommand(Group, User, "/subscribe@release_test_bot qwen zhipu text min:30b official ranks:off"));
        var settings = await AnswerAsync(Group, TelegramUpdates.GroupCommand(Group, User, "/settings"));

        var filter = (await _bot.Subscriptions.FindByChatAsync(chat, CancellationToken.None))!.Filter;
        Assert.Equal(["alibaba", "zhipu"], filter.Vendors);
        Assert.Equal([Modality.Text], filter.Modalities);
        Assert.Equal(30_000_000_000L, filter.MinParams);
        Assert.True(filter.OfficialOnly);
        Assert.False(filter.RankAlerts);
        Assert.Contains("30B", settings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_AfterACommand_DoesNotAnswerItAgain()
    {
        await AnswerAsync(User, TelegramUpdates.PrivateCommand(User, "/help"));
        await _bot.StopAsync();

        await using var restarted = new TelegramHarness(_fake, _folder.Path).WithLimitsOfFake();
        await restarted.StartAsync();
        await AnswerAsync(User, TelegramUpdates.PrivateCommand(User, "/latest"));

        Assert.Equal(2, _fake.State.SentTo(User).Count);
    }

    [Fact]
    public async Task Start_PublishesCommandsInEnglishAndChinese()
    {
        Assert.True(await TelegramHarness.WaitUntilAsync(() => _fake.State.Commands.ContainsKey("default|zh")));

        Assert.Contains(_fake.State.Commands["default|"], c => (string?)c!["command"] == "subscribe");
        Assert.Contains(_fake.State.Calls, c => c.Method == "deletewebhook");
        Assert.Matches("[\u4e00-\u9fff]", (string)_fake.State.Commands["default|zh"][0]!["description"]!);
    }
}
