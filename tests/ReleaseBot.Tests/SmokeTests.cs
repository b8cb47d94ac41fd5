namespace ReleaseBot.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void ChatAddress_Key_IsLowerCasePlatformAndChat() =>
        Assert.Equal("telegram:-100", new ReleaseBot.Core.Domain.ChatAddress(ReleaseBot.Core.Domain.Platform.Telegram, "-100").Key);
}
