using ReleaseBot.Telegram.Receiving;

namespace ReleaseBot.Tests.Telegram;

public sealed class TelegramWebhookSecretTests
{
    [Theory]
    [InlineData("abc_DEF-123", true)]
    [InlineData("abc_DEF-124", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void SecretMatches_ComparesTheWholeSecret(string? presented, bool expected) =>
        Assert.Equal(expected, TelegramWebhookService.SecretMatches(presented, "abc_DEF-123"));

    [Fact]
    public void SecretMatches_NoSecretConfigured_RejectsEverything() =>
        Assert.False(TelegramWebhookService.SecretMatches("", null));
}
