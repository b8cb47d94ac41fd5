using System.Globalization;
using ReleaseBot.Core.Domain;
using ReleaseBot.Testing.Builders;
using ReleaseBot.Testing.FakeTelegram;
using ReleaseBot.Testing.Store;
using Xunit.Abstractions;

namespace ReleaseBot.Tests.Telegram;

/// <summary>
/// Issue 10: Telegram unreachable for a stretch (every connection dropped, or every send a 502 page) while three
/// announcements wait for ten chats. The bot backs off instead of spinning, and once Telegram is back every chat gets
/// the three, once each and in order.
/// </summary>
public sealed class TelegramOutageEndToEndTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(6);
    private readonly TempDirectory _folder = new();
    private readonly long[] _chats = [.. Enumerable.Range(1, 10).Select(i => 20_000L + i)];
    private readonly Release[] _releases =
    [
        new ReleaseBuilder("Qwen/Qwen3-Outage-A", "alibaba").Build(),
        new ReleaseBuilder("Qwen/Qwen3-Outage-B", "alibaba").Build(),
        new ReleaseBuilder("Qwen/Qwen3-Outage-C", "alibaba").Build(),
    ];

    private FakeTelegramServer _fake = null!;
    private TelegramHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeTelegramServer.StartAsync(new FakeTelegramOptions().Scaled(10));
        foreach (var chat in _chats)
        {
            _fake.State.AddPrivateChat(chat);
        }

        _bot = new TelegramHarness(_fake, _folder.Path).WithLimitsOfFake();
        // The harness's dispatcher backs off from 0.2 s; cap it at 2 s so the drain after six seconds stays short.
        _bot.Settings["ReleaseBot:Dispatch:MaxBackoff"] = "00:00:02";
        await _bot.StartAsync();
        await _bot.AddReleasesAsync(_releases);
        foreach (var chat in _chats)
        {
            await _bot.Subscriptions.UpsertSubscriptionAsync(
                new SubscriptionBuilder(chat.ToString(CultureInfo.InvariantCulture)).Build(), CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _fake.DisposeAsync();
        _folder.Dispose();
    }

    [Theory]
    [InlineData("connections dropped")]
    [InlineData("502 pages")]
    public async Task Unreachable_ForAStretch_BacksOffThenEveryChatGetsEachOnceInOrder(string kind)
    {
        var dropped = kind == "connections dropped";
        _fake.State.DropConnections = dropped;
        _fake.State.FailEverySend = dropped ? null : FakeFailure.BadGatewayPage();
        foreach (var release in _releases)
        {
            await _bot.Events.PublishAsync(BotEvent.ReleaseDetected(release, DateTimeOffset.UtcNow), CancellationToken.None);
        }

        await Task.Delay(Outage);
        var attempts = dropped ? _fake.State.DroppedSends : _fake.State.Calls.Count(c => c.Method == "sendmessage" && c.Status == 502);
        var recovered = System.Diagnostics.Stopwatch.StartNew();
        _fake.State.DropConnections = false;
        _fake.State.FailEverySend = null;
        Assert.True(await TelegramHarness.WaitUntilAsync(
            () => _chats.All(c => _fake.State.SentTo(c).Count >= _releases.Length), TimeSpan.FromSeconds(30)));
        var drain = recovered.Elapsed;
        await Task.Delay(500);

        // Each chat's head row: a try, then 0.2, 0.4, 0.8, 1.6, 2, 2 … s apart: at most 7 in six seconds, 70 for ten chats.
        // A bot that retried on every 0.1 s dispatcher pass would make 600; one without pauses, thousands.
        output.WriteLine($"{kind}: {attempts} sends in {Outage.TotalSeconds} s ({attempts / Outage.TotalSeconds:F1}/s for {_chats.Length} chats), drain {drain.TotalSeconds:F1} s");
        Assert.InRange(attempts, _chats.Length, 7 * _chats.Length);
        foreach (var chat in _chats)
        {
            Assert.Equal(
                _releases.Select(r => r.RepoId.Name),
                _fake.State.SentTo(chat).Select(m => _releases.Single(r => m.Text.Contains(r.RepoId.Name, StringComparison.Ordinal)).RepoId.Name));
        }

        Assert.Equal(0, (await _bot.Outbox.CountByStateAsync(CancellationToken.None)).GetValueOrDefault(DeliveryState.Failed));
    }
}
