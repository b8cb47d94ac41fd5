using ReleaseBot.Core.Text;

namespace ReleaseBot.Tests.Text;

public sealed class ParamParserTests
{
    [Theory]
    [InlineData("30b", 30_000_000_000L)]
    [InlineData("7B", 7_000_000_000L)]
    [InlineData("1.5b", 1_500_000_000L)]
    [InlineData("500m", 500_000_000L)]
    [InlineData("1T", 1_000_000_000_000L)]
    [InlineData("30", 30_000_000_000L)]
    [InlineData("0", 0L)]
    [InlineData(" 70b ", 70_000_000_000L)]
    public void TryParse_SizeAsPeopleWriteIt_IsTheParameterCount(string text, long expected)
    {
        Assert.True(ParamParser.TryParse(text, out var parameters));
        Assert.Equal(expected, parameters);
    }

    [Theory]
    [InlineData("")]
    [InlineData("b")]
    [InlineData("-5b")]
    [InlineData("30 b")]
    [InlineData("thirty")]
    [InlineData("1e9")]
    [InlineData("1,5b")]
    [InlineData("101t")]
    [InlineData("99999999999999999999999999999999")]
    public void TryParse_NotASize_IsFalse(string text) =>
        Assert.False(ParamParser.TryParse(text, out _));

    [Theory]
    [InlineData("30b")]
    [InlineData("1.5b")]
    [InlineData("500m")]
    [InlineData("1t")]
    public void TryParse_FormattedBack_ReadsTheSame(string text)
    {
        Assert.True(ParamParser.TryParse(text, out var parameters));
        Assert.Equal(text.ToUpperInvariant().Replace("500M", "0.5B", StringComparison.Ordinal), ParamFormatter.Format(parameters));
    }
}
