using System.Net;
using System.Text;
using ReleaseBot.Testing.FakeTelegram;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace ReleaseBot.Tests.Telegram;

/// <summary>The fake speaks what Telegram.Bot 22.10 sends and answers like the official server.</summary>
public sealed class FakeTelegramServerTests : IAsyncLifetime
{
    private FakeTelegramServer _fake = null!;
    private TelegramBotClient _bot = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { LongPollCap = TimeSpan.FromSeconds(5) });
        _bot = new TelegramBotClient(new TelegramBotClientOptions(_fake.Token, _fake.BaseUrl) { RetryThreshold = 0 });
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task GetMe_FromTheLibrary_ReturnsTheBot()
    {
        var me = await _bot.GetMe();
        Assert.Equal("release_test_bot", me.Username);
        Assert.Equal(_fake.BotId, me.Id);
    }

    [Fact]
    public async Task Request_MethodInAnyCaseAndFormBody_IsAccepted()
    {
        _fake.State.AddPrivateChat(42);
        using var http = new HttpClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["chat_id"] = "42", ["text"] = "hi" });
        var response = await http.PostAsync(new Uri($"{_fake.BaseUrl}/bot{_fake.Token}/SENDMESSAGE"), form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hi", Assert.Single(_fake.State.SentTo(42)).PlainText);
    }

    [Fact]
    public async Task Request_UnknownMethodOrToken_AnswersLikeTelegram()
    {
        using var http = new HttpClient();
        var unknown = await http.PostAsync(new Uri($"{_fake.BaseUrl}/bot{_fake.Token}/noSuchMethod"), null);
        var badToken = await http.PostAsync(new Uri($"{_fake.BaseUrl}/bot999:WRONG/getMe"), null);
        var malformed = await http.PostAsync(new Uri($"{_fake.BaseUrl}/botnocolon/getMe"), null);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("method not found", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, badToken.StatusCode);
        Assert.Contains("invalid token specified", await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendMessage_BadHtmlTooLongOrUnknownChat_IsRejected()
    {
        _fake.State.AddPrivateChat(42);

        var unescaped = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(42, "<b>x</b> & <script>", parseMode: ParseMode.Html));
        var tooLong = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(42, new string('x', 4097)));
        var noChat = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(7, "x"));

        Assert.StartsWith("Bad Request: can't parse entities", unescaped.Message, StringComparison.Ordinal);
        Assert.Equal("Bad Request: message is too long", tooLong.Message);
        Assert.Equal("Bad Request: chat not found", noChat.Message);
        Assert.Empty(_fake.State.SentMessages);
    }

    [Fact]
    public async Task SendMessage_HtmlWithinLimitAfterParsing_IsAccepted()
    {
        _fake.State.AddPrivateChat(42);
        var html = "<b>" + string.Concat(Enumerable.Repeat("&amp;", 4096)) + "</b>";

        var message = await _bot.SendMessage(42, html, parseMode: ParseMode.Html, linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true });

        Assert.Equal(1, message.Id);
        var sent = Assert.Single(_fake.State.SentTo(42));
        Assert.Equal(4096, sent.PlainText.Length);
        Assert.True(sent.LinkPreviewDisabled);
    }

    [Fact]
    public async Task SendMessage_SecondToTheSameChatWithinASecond_Draws429WithRetryAfter()
    {
        _fake.State.AddPrivateChat(42);
        await _bot.SendMessage(42, "one");

        var ex = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(42, "two"));

        Assert.Equal(429, ex.ErrorCode);
        Assert.Equal(1, ex.Parameters?.RetryAfter);
        Assert.Equal(1, _fake.State.TooManyRequestsCount);
    }

    [Fact]
    public async Task SendMessage_ScriptedChatStates_AnswerTheOfficialErrors()
    {
        _fake.State.AddPrivateChat(1).Status = FakeChatStatus.Blocked;
        _fake.State.AddGroup(-2).Status = FakeChatStatus.Kicked;
        var migrated = _fake.State.AddGroup(-3, type: "group");
        migrated.Status = FakeChatStatus.Migrated;
        migrated.MigratedTo = -1003;

        var blocked = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(1, "x"));
        var kicked = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(-2, "x"));
        var moved = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(-3, "x"));

        Assert.Equal((403, "Forbidden: bot was blocked by the user"), (blocked.ErrorCode, blocked.Message));
        Assert.Equal((403, "Forbidden: bot was kicked from the supergroup chat"), (kicked.ErrorCode, kicked.Message));
        Assert.Equal(-1003, moved.Parameters?.MigrateToChatId);
    }

    [Fact]
    public async Task GetUpdates_LongPoll_ReturnsWhenAnUpdateArrivesAndOffsetConfirms()
    {
        var poll = _bot.GetUpdates(offset: 0, timeout: 30);
        Assert.True(await TelegramHarness.WaitUntilAsync(() => _fake.State.ParkedPolls == 1));
        Assert.False(poll.IsCompleted);

        var id = _fake.State.Enqueue(TelegramUpdates.PrivateCommand(42, "/latest"));
        var updates = await poll;

        Assert.Equal(id, Assert.Single(updates).Id);
        Assert.Equal("/latest", updates[0].Message?.Text);
        Assert.Empty(await _bot.GetUpdates(offset: id + 1, timeout: 0));
        Assert.Equal(0, _fake.State.PendingUpdates);
    }

    [Fact]
    public async Task GetUpdates_SecondConcurrentPoll_EndsTheFirstWith409()
    {
        var first = _bot.GetUpdates(offset: 0, timeout: 30);
        Assert.True(await TelegramHarness.WaitUntilAsync(() => _fake.State.ParkedPolls == 1));
        var second = _bot.GetUpdates(offset: 0, timeout: 1);

        var ex = await Assert.ThrowsAsync<ApiRequestException>(() => first);
        Assert.Equal(409, ex.ErrorCode);
        Assert.Empty(await second);
    }

    [Fact]
    public async Task GetChatAndMember_ChannelWithBotAdmin_DeserialiseInTheLibrary()
    {
        var channel = _fake.State.AddChannel(-100777, "qwen_news");
        channel.BotStatus = "administrator";
        channel.BotCanPost = true;
        channel.Members[5] = "creator";

        var chat = await _bot.GetChat("@qwen_news");
        var bot = await _bot.GetChatMember(chat.Id, _fake.BotId);
        var owner = await _bot.GetChatMember(chat.Id, 5);
        var stranger = await _bot.GetChatMember(chat.Id, 6);

        Assert.Equal(ChatType.Channel, chat.Type);
        Assert.True(Assert.IsType<ChatMemberAdministrator>(bot).CanPostMessages);
        Assert.Equal(ChatMemberStatus.Creator, owner.Status);
        Assert.Equal(ChatMemberStatus.Left, stranger.Status);
    }

    [Fact]
    public async Task SetMyCommands_PerLanguage_IsStored()
    {
        await _bot.SetMyCommands([new BotCommand("latest", "Newest")]);
        await _bot.SetMyCommands([new BotCommand("latest", "最新")], languageCode: "zh");
        var invalid = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SetMyCommands([new BotCommand("Bad-Name", "x")]));

        Assert.Equal("最新", (string?)_fake.State.Commands["default|zh"][0]!["description"]);
        Assert.Equal(400, invalid.ErrorCode);
        Assert.Equal(Encoding.UTF8.GetByteCount("Newest"), Encoding.UTF8.GetByteCount((string)_fake.State.Commands["default|"][0]!["description"]!));
    }
}
