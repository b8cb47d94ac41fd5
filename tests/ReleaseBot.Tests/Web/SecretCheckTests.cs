using ReleaseBot.Web;

namespace ReleaseBot.Tests.Web;

/// <summary>The one secret comparison of the Hub and Telegram webhooks (formerly two, one of which stopped early on a length mismatch).</summary>
public sealed class SecretCheckTests
{
    [Theory]
    [InlineData("abc_DEF-123", true)]
    [InlineData("abc_DEF-124", false)]
    [InlineData("abc_DEF-12", false)]
    [InlineData("abc_DEF-1234", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Matches_Secret_OnlyTheExactValue(string? given, bool expected) =>
        Assert.Equal(expected, SecretCheck.Matches(given, "abc_DEF-123"));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Matches_NoSecretConfigured_RejectsEverything(string? given) =>
        Assert.False(SecretCheck.Matches(given, string.Empty));
}
