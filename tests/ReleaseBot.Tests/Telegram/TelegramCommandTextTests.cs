using ReleaseBot.Telegram.Receiving;

namespace ReleaseBot.Tests.Telegram;

public sealed class TelegramCommandTextTests
{
    [Theory]
    [InlineData("/latest", "/latest")]
    [InlineData("/latest qwen 5", "/latest qwen 5")]
    [InlineData("/latest@release_test_bot qwen", "/latest qwen")]
    [InlineData("/latest@Release_Test_Bot", "/latest")]
    [InlineData("/subscribe@release_test_bot qwen zhipu text min:30b official", "/subscribe qwen zhipu text min:30b official")]
    public void Normalize_CommandForThisBot_StripsAddressee(string text, string expected) =>
        Assert.Equal(expected, TelegramCommandText.Normalize(text, "release_test_bot"));

    [Theory]
    [InlineData("/latest@other_bot")]
    [InlineData("hello")]
    [InlineData("/")]
    [InlineData("")]
    [InlineData(null)]
    public void Normalize_NotACommandForThisBot_IsNull(string? text) =>
        Assert.Null(TelegramCommandText.Normalize(text, "release_test_bot"));
}
