using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ReleaseBot.Testing.FakeTelegram;
using ReleaseBot.Testing.Store;

namespace ReleaseBot.Tests.Telegram;

/// <summary>Issue 10: an update the bot cannot read is passed over with a logged reason; polling goes on and later commands are answered.</summary>
public sealed class TelegramHostileUpdatesTests : IAsyncLifetime
{
    private const long User = 5001;
    private readonly TempDirectory _folder = new();
    private FakeTelegramServer _fake = null!;
    private TelegramHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeTelegramServer.StartAsync(new FakeTelegramOptions().Scaled(10));
        _fake.State.AddPrivateChat(User);
        _bot = new TelegramHarness(_fake, _folder.Path).WithLimitsOfFake();
        _bot.ConfigureLogging = logging => logging.AddFakeLogging();
        await _bot.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _fake.DisposeAsync();
        _folder.Dispose();
    }

    private FakeLogCollector Logs => _bot.Services.GetFakeLogCollector();

    public static TheoryData<string> Malformed => new()
    {
        """{"message":{"message_id":"one","date":"yesterday","chat":{"id":"x","type":7},"text":"/help"}}""",
        """{"message":{"message_id":1,"date":1,"chat":{"id":5001,"type":"private"},"text":["/help"]}}""",
        """{"message":{"message_id":1,"date":1,"chat":{"id":5001,"type":"private"},"from":"nobody","text":"/help"}}""",
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Polling_MalformedUpdateBeforeACommand_PassedOverWithAReasonAndTheCommandAnswered(string malformed)
    {
        var bad = _fake.State.Enqueue(JsonNode.Parse(malformed)!.AsObject());
        _fake.State.Enqueue(TelegramUpdates.PrivateCommand(User, "/help"));

        Assert.True(await TelegramHarness.WaitUntilAsync(() => _fake.State.SentTo(User).Count == 1), "the command after the malformed update was not answered: " + string.Join(" | ", Logs.GetSnapshot().Where(r => r.Level >= LogLevel.Warning).Select(r => r.Message)));
        Assert.Contains(Logs.GetSnapshot(), r => r.Id.Id == 4505 && r.Level == LogLevel.Warning && r.Message.Contains($"{bad}", StringComparison.Ordinal));
        Assert.Contains("/latest", _fake.State.SentTo(User)[0].PlainText, StringComparison.Ordinal);
    }
}
