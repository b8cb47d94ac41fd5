using ReleaseBot.Core.Ports;
using ReleaseBot.Discord.Sending;

namespace ReleaseBot.Tests.Discord;

public sealed class DiscordErrorClassifierTests
{
    private static readonly DateTimeOffset Now = new(2025, 7, 31, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(404, """{"code":10003,"message":"Unknown Channel"}""")]
    [InlineData(404, """{"code":10004,"message":"Unknown Guild"}""")]
    public void Classify_UnknownChannelOrGuild_IsChatGone(int status, string body)
    {
        var outcome = Assert.IsType<SendOutcome.ChatGone>(DiscordErrorClassifier.Classify(status, body, Now));
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), outcome.Reason, StringComparison.Ordinal);
        Assert.True(DiscordErrorClassifier.IsChatGone(DiscordErrorBody.Parse(body).Code));
    }

    [Theory]
    [InlineData(403, """{"code":50001,"message":"Missing Access"}""", "Missing Access")]
    [InlineData(403, """{"code":50013,"message":"Missing Permissions"}""", "Send Messages")]
    [InlineData(400, """{"code":50083,"message":"Thread is archived"}""", "archived")]
    public void Classify_BotCannotPost_IsChatUnavailableWithTheReason(int status, string body, string said)
    {
        var outcome = Assert.IsType<SendOutcome.ChatUnavailable>(DiscordErrorClassifier.Classify(status, body, Now));
        Assert.Contains(said, outcome.Reason, StringComparison.Ordinal);
        Assert.False(DiscordErrorClassifier.IsChatGone(DiscordErrorBody.Parse(body).Code));
    }

    [Fact]
    public void Classify_429_WaitsTheLongerOfBodyAndHeader()
    {
        var body = """{"message":"You are being rate limited.","retry_after":64.57,"global":false}""";

        var fromBody = Assert.IsType<SendOutcome.WaitUntil>(DiscordErrorClassifier.Classify(429, body, Now, TimeSpan.FromSeconds(1)));
        var fromHeader = Assert.IsType<SendOutcome.WaitUntil>(DiscordErrorClassifier.Classify(429, "<html>", Now, TimeSpan.FromSeconds(65)));
        var neither = Assert.IsType<SendOutcome.WaitUntil>(DiscordErrorClassifier.Classify(429, (string?)null, Now));

        Assert.Equal(Now + TimeSpan.FromSeconds(64.57), fromBody.Until);
        Assert.Equal(Now + TimeSpan.FromSeconds(65), fromHeader.Until);
        Assert.Equal(Now + DiscordErrorClassifier.DefaultRetryAfter, neither.Until);
    }

    [Theory]
    [InlineData(500, null)]
    [InlineData(502, "<html>Bad Gateway</html>")]
    [InlineData(503, """{"code":130000,"message":"API resource is currently overloaded."}""")]
    [InlineData(401, """{"code":0,"message":"401: Unauthorized"}""")]
    [InlineData(404, "not json")]
    public void Classify_ServerFaultsBadTokenAndBareNotFound_AreTransient(int status, string? body) =>
        Assert.IsType<SendOutcome.Transient>(DiscordErrorClassifier.Classify(status, body, Now));

    [Theory]
    [InlineData(400, """{"code":50035,"message":"Invalid Form Body","errors":{"content":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH"}]}}}""")]
    [InlineData(400, """{"code":50006,"message":"Cannot send an empty message"}""")]
    [InlineData(413, """{"code":40005,"message":"Request entity too large"}""")]
    [InlineData(400, """{"code":200000,"message":"Message was blocked by automatic moderation"}""")]
    public void Classify_BadRequests_ArePermanent(int status, string body)
    {
        var outcome = Assert.IsType<SendOutcome.Permanent>(DiscordErrorClassifier.Classify(status, body, Now));
        Assert.Contains(DiscordErrorBody.Parse(body).Code!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_NetworkFaults_AreTransient()
    {
        Assert.IsType<SendOutcome.Transient>(DiscordErrorClassifier.Classify(new HttpRequestException("connection refused")));
        Assert.IsType<SendOutcome.Transient>(DiscordErrorClassifier.Classify(new TaskCanceledException()));
    }
}
