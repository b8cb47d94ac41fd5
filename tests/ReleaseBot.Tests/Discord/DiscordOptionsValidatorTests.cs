using ReleaseBot.Discord;

namespace ReleaseBot.Tests.Discord;

public sealed class DiscordOptionsValidatorTests
{
    private static DiscordOptions Valid() => new() { Token = "FAKE.DISCORD.BOT-TOKEN" };

    [Fact]
    public void Validate_EndpointWithoutPublicKey_FailsNamingPublicKey()
    {
        var options = Valid();
        options.InteractionsEndpoint = "/discord/interactions";

        var result = new DiscordOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("ReleaseBot:Discord:PublicKey", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EndpointNotAPath_Fails()
    {
        var options = Valid();
        options.InteractionsEndpoint = "discord interactions";
        options.PublicKey = new string('a', 64);

        var result = new DiscordOptionsValidator().Validate(null, options);

        Assert.Contains("ReleaseBot:Discord:InteractionsEndpoint", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("my-server")]
    [InlineData("-1")]
    public void Validate_GuildIdNotAnId_FailsNamingGuildId(string guildId)
    {
        var options = Valid();
        options.GuildId = guildId;

        var result = new DiscordOptionsValidator().Validate(null, options);

        Assert.Contains("ReleaseBot:Discord:GuildId", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DeferAfterNearDiscordsDeadline_Fails()
    {
        var options = Valid();
        options.DeferAfter = TimeSpan.FromSeconds(3);

        var result = new DiscordOptionsValidator().Validate(null, options);

        Assert.Contains("ReleaseBot:Discord:DeferAfter", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GuildAndEndpointWithKey_Succeeds()
    {
        var options = Valid();
        options.GuildId = "81384788765712384";
        options.InteractionsEndpoint = "/discord/interactions";
        options.PublicKey = new string('a', 64);

        Assert.True(new DiscordOptionsValidator().Validate(null, options).Succeeded);
    }
}
