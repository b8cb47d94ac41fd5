using System.Net;
using ReleaseBot.Core.Ports;
using ReleaseBot.Telegram.Sending;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace ReleaseBot.Tests.Telegram;

public sealed class TelegramErrorClassifierTests
{
    private static readonly DateTimeOffset Now = new(2025, 7, 31, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Classify_429_WaitsUntilRetryAfterFromNow()
    {
        var outcome = TelegramErrorClassifier.Classify(
            new ApiRequestException("Too Many Requests: retry after 7", 429, new ResponseParameters { RetryAfter = 7 }), Now);
        Assert.Equal(Now.AddSeconds(7), Assert.IsType<SendOutcome.WaitUntil>(outcome).Until);
    }

    [Theory]
    [InlineData(403, "Forbidden: bot was blocked by the user")]
    [InlineData(403, "Forbidden: bot was kicked from the supergroup chat")]
    [InlineData(403, "Forbidden: bot is not a member of the channel chat")]
    [InlineData(400, "Bad Request: chat not found")]
    public void Classify_ChatGone_IsChatUnavailableWithTheReason(int code, string description)
    {
        var outcome = TelegramErrorClassifier.Classify(new ApiRequestException(description, code), Now);
        Assert.Equal(description, Assert.IsType<SendOutcome.ChatUnavailable>(outcome).Reason);
    }

    [Fact]
    public void Classify_Migrated_CarriesTheNewChatId()
    {
        var outcome = TelegramErrorClassifier.Classify(new ApiRequestException(
            "Bad Request: group chat was upgraded to a supergroup chat", 400, new ResponseParameters { MigrateToChatId = -1001234567890 }), Now);
        Assert.Equal("-1001234567890", Assert.IsType<SendOutcome.Migrated>(outcome).NewChatId);
    }

    [Fact]
    public void Classify_BadRequest_IsPermanent() =>
        Assert.IsType<SendOutcome.Permanent>(TelegramErrorClassifier.Classify(new ApiRequestException("Bad Request: message is too long", 400), Now));

    [Fact]
    public void Classify_ServerErrorAndNetwork_AreTransient()
    {
        Assert.IsType<SendOutcome.Transient>(TelegramErrorClassifier.Classify(new ApiRequestException("Internal Server Error", 500), Now));
        Assert.IsType<SendOutcome.Transient>(TelegramErrorClassifier.Classify(new RequestException("Bot API Service Failure", new HttpRequestException()), Now));
        Assert.IsType<SendOutcome.Transient>(TelegramErrorClassifier.Classify(new RequestException("x", HttpStatusCode.BadGateway), Now));
    }
}
