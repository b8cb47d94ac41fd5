using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Replies;
using ReleaseBot.Telegram;
using ReleaseBot.Telegram.Rendering;
using ReleaseBot.Telegram.Sending;
using ReleaseBot.Testing.FakeTelegram;
using Telegram.Bot;

namespace ReleaseBot.Tests.Telegram;

/// <summary>The sender against the fake Bot API: what arrives, and what each error becomes.</summary>
public sealed class TelegramSenderTests : IAsyncLifetime
{
    private FakeTelegramServer _fake = null!;
    private TelegramSender _sender = null!;

    public async Task InitializeAsync()
    {
        // Limits ×20 so multi-part replies to one chat go through quickly; the client keeps a wide margin (3× per chat) so a loaded machine's jitter cannot draw a 429.
        _fake = await FakeTelegramServer.StartAsync(new FakeTelegramOptions().Scaled(20));
        _sender = NewSender(TimeProvider.System);
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private TelegramSender NewSender(TimeProvider time)
    {
        var bot = new TelegramBotClient(new TelegramBotClientOptions(_fake.Token, _fake.BaseUrl) { RetryThreshold = 0 });
        var options = Options.Create(new TelegramOptions { PerChatInterval = TimeSpan.FromMilliseconds(150), GroupWindow = TimeSpan.FromSeconds(4) });
        return new TelegramSender(bot, new TelegramRenderer(), options, time, NullLogger<TelegramSender>.Instance);
    }

    private static ChatAddress Chat(long id) => new(Platform.Telegram, id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task Send_HostileModelName_ArrivesEscapedAndReadsAsTyped()
    {
        _fake.State.AddPrivateChat(42);
        var reply = new Reply { Kind = ReplyKind.Announcement, Title = "<b>x</b> & <script>", TitleUrl = "https://huggingface.co/evil/x" };

        var outcome = await _sender.SendNowAsync(Chat(42), reply, CancellationToken.None);

        Assert.IsType<SendOutcome.Sent>(outcome);
        var sent = Assert.Single(_fake.State.SentTo(42));
        Assert.Equal("<b>x</b> & <script>", sent.PlainText);
        Assert.DoesNotContain("<script>", sent.Text, StringComparison.Ordinal);
        Assert.Equal("Html", sent.ParseMode);
    }

    [Fact]
    public async Task Send_TenThousandCharacterReply_ArrivesAsOrderedPartsWithinTheLimit()
    {
        _fake.State.AddGroup(-100500);
        var lines = Enumerable.Range(0, 500).Select(i => new ReplyLine($"line {i:D3} " + new string('x', 20))).ToArray();
        var reply = new Reply { Kind = ReplyKind.Digest, Lines = lines };
        Assert.True(lines.Sum(l => l.Text.Length + 1) >= 10_000);

        var outcome = await _sender.SendNowAsync(Chat(-100500), reply, CancellationToken.None);

        var sent = _fake.State.SentTo(-100500);
        Assert.Equal(sent.Select(m => m.MessageId.ToString(System.Globalization.CultureInfo.InvariantCulture)), Assert.IsType<SendOutcome.Sent>(outcome).MessageIds);
        Assert.True(sent.Count >= 3);
        Assert.All(sent, m => Assert.InRange(m.PlainText.Length, 1, 4096));
        Assert.All(sent, m => Assert.True(m.LinkPreviewDisabled));
        Assert.Equal(lines.Select(l => l.Text), sent.SelectMany(m => m.PlainText.Split('\n')));
        Assert.Equal(0, _fake.State.TooManyRequestsCount);
    }

    [Fact]
    public async Task Send_ScriptedFailures_BecomeTheRightOutcomes()
    {
        _fake.State.AddPrivateChat(1).Status = FakeChatStatus.Blocked;
        var old = _fake.State.AddGroup(-2, type: "group");
        old.Status = FakeChatStatus.Migrated;
        old.MigratedTo = -1002;
        _fake.State.AddPrivateChat(3);
        _fake.State.FailNext(3, FakeFailure.TooManyRequests(4));
        _fake.State.AddPrivateChat(4);
        _fake.State.FailNext(4, FakeFailure.BadGatewayPage());
        _fake.State.AddPrivateChat(5);
        _fake.State.FailNext(5, FakeFailure.ServerError());

        var reply = Reply.Text("hello");
        var blocked = await _sender.SendAsync(Chat(1), reply, "d1", CancellationToken.None);
        var migrated = await _sender.SendAsync(Chat(-2), reply, "d2", CancellationToken.None);
        var before = DateTimeOffset.UtcNow;
        var limited = await _sender.SendAsync(Chat(3), reply, "d3", CancellationToken.None);
        var after = DateTimeOffset.UtcNow;
        var proxy = await _sender.SendAsync(Chat(4), reply, "d4", CancellationToken.None);
        var server = await _sender.SendAsync(Chat(5), reply, "d5", CancellationToken.None);
        var missing = await _sender.SendAsync(Chat(6), reply, "d6", CancellationToken.None);

        Assert.Equal("Forbidden: bot was blocked by the user", Assert.IsType<SendOutcome.ChatUnavailable>(blocked).Reason);
        Assert.Equal("-1002", Assert.IsType<SendOutcome.Migrated>(migrated).NewChatId);
        Assert.InRange(Assert.IsType<SendOutcome.WaitUntil>(limited).Until, before.AddSeconds(4), after.AddSeconds(4));
        Assert.IsType<SendOutcome.Transient>(proxy);
        Assert.IsType<SendOutcome.Transient>(server);
        Assert.IsType<SendOutcome.ChatUnavailable>(missing);
        Assert.Empty(_fake.State.SentMessages);
    }

    [Fact]
    public async Task Send_ToChannelByUsername_GoesToThatChannel()
    {
        var channel = _fake.State.AddChannel(-100900, "qwen_news");
        channel.BotStatus = "administrator";

        var outcome = await _sender.SendAsync(new ChatAddress(Platform.Telegram, "@qwen_news"), Reply.Text("hi"), "d1", CancellationToken.None);

        Assert.IsType<SendOutcome.Sent>(outcome);
        Assert.Single(_fake.State.SentTo(-100900));
    }

    [Fact]
    public async Task SendAsync_ChatWithinItsInterval_AnswersWaitUntilAtOnceWithoutARequest()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 7, 31, 0, 0, 0, TimeSpan.Zero));
        var sender = NewSender(time);
        _fake.State.AddPrivateChat(7);
        var start = time.GetUtcNow();

        var first = await sender.SendAsync(Chat(7), Reply.Text("one"), "d1", CancellationToken.None);
        var second = await sender.SendAsync(Chat(7), Reply.Text("two"), "d2", CancellationToken.None);

        Assert.IsType<SendOutcome.Sent>(first);
        Assert.Equal(start.AddMilliseconds(150), Assert.IsType<SendOutcome.WaitUntil>(second).Until);
        Assert.Equal("one", Assert.Single(_fake.State.SentTo(7)).PlainText);
    }

    [Fact]
    public async Task SendNowAsync_ChatHeldByA429_WaitsItOutAndArrives()
    {
        _fake.State.AddPrivateChat(8);
        _fake.State.FailNext(8, FakeFailure.TooManyRequests(1));

        var outcome = await _sender.SendNowAsync(Chat(8), Reply.Text("answer"), CancellationToken.None);

        Assert.IsType<SendOutcome.Sent>(outcome);
        Assert.Equal("answer", Assert.Single(_fake.State.SentTo(8)).PlainText);
    }
}
