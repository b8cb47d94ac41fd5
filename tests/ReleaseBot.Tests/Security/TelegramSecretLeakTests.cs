using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ReleaseBot.Testing.FakeTelegram;
using ReleaseBot.Testing.Store;

namespace ReleaseBot.Tests.Security;

/// <summary>The bot token never reaches a log line, a logged exception or a reply, whether calls succeed or fail.</summary>
public sealed class TelegramSecretLeakTests : IAsyncLifetime
{
    private const long Admin = 7001;
    private const string Token = "7357911:CANARYsecretZZ9";
    private const string Secret = "CANARYsecretZZ9";
    private readonly TempDirectory _folder = new();
    private FakeTelegramServer _fake = null!;
    private TelegramHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { Token = Token }.Scaled(10));
        _fake.State.AddPrivateChat(Admin);
        _bot = new TelegramHarness(_fake, _folder.Path).WithLimitsOfFake();
        _bot.ConfigureLogging = logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _fake.DisposeAsync();
        _folder.Dispose();
    }

    private FakeLogCollector Logs => _bot.Services.GetFakeLogCollector();

    [Fact]
    public async Task Commands_SendAnswers500_TokenInNoLogOrReply()
    {
        await _bot.StartAsync();
        _fake.State.FailNext(Admin, FakeFailure.ServerError(), times: 2);

        _fake.State.Enqueue(TelegramUpdates.PrivateCommand(Admin, "/help"));
        _fake.State.Enqueue(TelegramUpdates.PrivateCommand(Admin, "/subscribe @nosuchchannel"));
        _fake.State.Enqueue(TelegramUpdates.PrivateCommand(Admin, "/about"));

        Assert.True(await TelegramHarness.WaitUntilAsync(() => _fake.State.SentTo(Admin).Count > 0 && _fake.State.PendingUpdates == 0));
        Assert.True(await TelegramHarness.WaitUntilAsync(() => Logs.GetSnapshot().Any(r => r.Message.Contains("failed", StringComparison.Ordinal))));
        SecretAssert.NotLogged(Logs, Token, Secret);
        SecretAssert.NotIn(_fake.State.SentMessages.Select(m => m.Text), Token, Secret);
    }

    [Fact]
    public async Task Polling_BadToken401_TokenInNoLog()
    {
        const string wrong = "7357911:WRONGcanaryXX7";
        _bot.Settings["ReleaseBot:Telegram:Token"] = wrong;
        await _bot.StartAsync();

        Assert.True(await TelegramHarness.WaitUntilAsync(() => Logs.GetSnapshot().Any(r => r.Level == LogLevel.Warning)));
        Assert.Empty(_fake.State.SentMessages);
        SecretAssert.NotLogged(Logs, wrong, "WRONGcanaryXX7", Token, Secret);
    }

    [Fact]
    public async Task Polling_ConnectionRefused_TokenInNoLog()
    {
        // Port 1 on the loopback: nothing listens there, so every call fails with "connection refused".
        _bot.Settings["ReleaseBot:Telegram:ApiBaseUrl"] = "http://127.0.0.1:1";
        await _bot.StartAsync();

        Assert.True(await TelegramHarness.WaitUntilAsync(() => Logs.GetSnapshot().Any(r => r.Level == LogLevel.Warning)));
        SecretAssert.NotLogged(Logs, Token, Secret);
    }
}
