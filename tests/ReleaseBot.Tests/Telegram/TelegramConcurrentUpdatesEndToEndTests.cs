using ReleaseBot.Core.Domain;
using ReleaseBot.Testing.FakeTelegram;
using ReleaseBot.Testing.Store;

namespace ReleaseBot.Tests.Telegram;

/// <summary>
/// Updates of different chats handled side by side, those of one chat in order, against the fake Bot API with a
/// scripted slow admin check (getChatMember held until the test lets it answer).
/// </summary>
public sealed class TelegramConcurrentUpdatesEndToEndTests : IAsyncLifetime
{
    private const long Admin = 5001;
    private const long Other = 5002;
    private const long Third = 5003;
    private const long Group = -1001001;
    private readonly TempDirectory _folder = new();
    private readonly TaskCompletionSource _adminCheck = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private FakeTelegramServer _fake = null!;
    private TelegramHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeTelegramServer.StartAsync(new FakeTelegramOptions().Scaled(10));
        _fake.State.AddPrivateChat(Other);
        _fake.State.AddPrivateChat(Third);
        _fake.State.AddGroup(Group, "Model watchers").Members[Admin] = "administrator";
        _fake.State.HoldChatMember(Group, _adminCheck.Task);
        _bot = new TelegramHarness(_fake, _folder.Path).WithLimitsOfFake();
        await _bot.StartAsync();
    }

    public async Task DisposeAsync()
    {
        _adminCheck.TrySetResult();
        await _bot.DisposeAsync();
        await _fake.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Updates_SlowAdminCheckInAGroup_OtherChatsAnsweredMeanwhileAndTheGroupInOrder()
    {
        _fake.State.Enqueue(TelegramUpdates.GroupCommand(Group, Admin, "/subscribe qwen"));
        _fake.State.Enqueue(TelegramUpdates.GroupCommand(Group, Admin, "/help"));
        _fake.State.Enqueue(TelegramUpdates.PrivateCommand(Other, "/help"));
        _fake.State.Enqueue(TelegramUpdates.PrivateCommand(Third, "/vendors"));

        Assert.True(await TelegramHarness.WaitUntilAsync(() => _fake.State.SentTo(Other).Count == 1 && _fake.State.SentTo(Third).Count == 1));
        var groupAnswersWhileChecking = _fake.State.SentTo(Group).Count;
        _adminCheck.SetResult();
        Assert.True(await TelegramHarness.WaitUntilAsync(() => _fake.State.SentTo(Group).Count == 2));

        Assert.Equal(0, groupAnswersWhileChecking);
        var group = _fake.State.SentTo(Group);
        Assert.StartsWith("Subscribed.", group[0].PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Subscribed.", group[1].PlainText, StringComparison.Ordinal);
        Assert.NotNull(await _bot.Subscriptions.FindByChatAsync(GroupAddress, CancellationToken.None));
    }

    [Fact]
    public async Task Restart_MidBatch_AnswersTheRestOnceAndRepeatsNothing()
    {
        _fake.State.Enqueue(TelegramUpdates.GroupCommand(Group, Admin, "/subscribe qwen"));
        _fake.State.Enqueue(TelegramUpdates.PrivateCommand(Other, "/help"));
        _fake.State.Enqueue(TelegramUpdates.GroupCommand(Group, Admin, "/help"));
        _fake.State.Enqueue(TelegramUpdates.PrivateCommand(Third, "/vendors"));
        Assert.True(await TelegramHarness.WaitUntilAsync(() => _fake.State.SentTo(Other).Count == 1 && _fake.State.SentTo(Third).Count == 1));

        await _bot.StopAsync();
        _adminCheck.SetResult();
        await using var restarted = new TelegramHarness(_fake, _folder.Path).WithLimitsOfFake();
        await restarted.StartAsync();
        Assert.True(await TelegramHarness.WaitUntilAsync(() => _fake.State.SentTo(Group).Count == 2));
        // A command sent after the batch is answered only once the batch is settled: nothing of the batch can come after it.
        _fake.State.Enqueue(TelegramUpdates.PrivateCommand(Other, "/latest"));
        Assert.True(await TelegramHarness.WaitUntilAsync(() => _fake.State.SentTo(Other).Count >= 2));

        Assert.Equal(2, _fake.State.SentTo(Other).Count);
        Assert.Single(_fake.State.SentTo(Third));
        Assert.StartsWith("Subscribed.", _fake.State.SentTo(Group)[0].PlainText, StringComparison.Ordinal);
        Assert.NotNull(await restarted.Subscriptions.FindByChatAsync(GroupAddress, CancellationToken.None));
        Assert.Equal(0, _fake.State.PendingUpdates);
    }

    [Fact]
    public async Task Stop_WhileAnAnswerIsOnTheWay_AnswerRecordedAndNotRepeatedAfterRestart()
    {
        // Telegram has taken the answer; its reply is still on the way when the bot is told to stop.
        var answerBack = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _fake.State.HoldSendAnswers(Other, answerBack.Task);
        _fake.State.Enqueue(TelegramUpdates.PrivateCommand(Other, "/help"));
        Assert.True(await TelegramHarness.WaitUntilAsync(() => _fake.State.SentTo(Other).Count == 1));

        var stopping = _bot.StopAsync();
        await Task.Delay(300);
        answerBack.SetResult();
        await stopping;
        await using var restarted = new TelegramHarness(_fake, _folder.Path).WithLimitsOfFake();
        await restarted.StartAsync();
        _fake.State.Enqueue(TelegramUpdates.PrivateCommand(Third, "/vendors"));
        Assert.True(await TelegramHarness.WaitUntilAsync(() => _fake.State.SentTo(Third).Count == 1));
        await Task.Delay(500);

        // The stop waited for the answer and recorded the update: the restart does not answer /help a second time.
        Assert.Single(_fake.State.SentTo(Other));
        Assert.Equal(0, _fake.State.PendingUpdates);
    }

    private static ChatAddress GroupAddress => new(Platform.Telegram, Group.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
