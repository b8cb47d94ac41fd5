using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Text;

namespace ReleaseBot.Tests.Text;

public sealed class ParamFormatterTests
{
    [Theory]
    [InlineData(235_000_000_000L, "235B")]
    [InlineData(1_000_000_000_000L, "1T")]
    [InlineData(1_040_000_000_000L, "1T")]
    [InlineData(30_500_000_000L, "30.5B")]
    [InlineData(600_000_000L, "0.6B")]
    [InlineData(8_000_000_000L, "8B")]
    [InlineData(3_300_000_000L, "3.3B")]
    [InlineData(480_000_000_000L, "480B")]
    [InlineData(50_000_000L, "50M")]
    public void Format_Count_ReadsAsPeopleWriteIt(long parameters, string expected) =>
        Assert.Equal(expected, ParamFormatter.Format(parameters));

    [Fact]
    public void Describe_TotalAndActive_ShowsBoth() =>
        Assert.Equal("235B total / 22B active", ParamFormatter.Describe(235_000_000_000, 22_000_000_000, false, false, Language.En));

    [Fact]
    public void Describe_BothEstimated_MarksBothFigures() =>
        Assert.Equal("≈321B total / ≈38B active", ParamFormatter.Describe(321_000_000_000, 38_000_000_000, true, true, Language.En));

    [Fact]
    public void Describe_OnlyActiveEstimated_MarksOnlyTheActiveFigure() =>
        Assert.Equal("241B total / ≈28B active", ParamFormatter.Describe(241_000_000_000, 28_000_000_000, false, true, Language.En));

    [Fact]
    public void Describe_OnlyActiveEstimatedChinese_MarksOnlyTheActiveFigure() =>
        Assert.Equal("总参数 235B / 激活 ≈22B", ParamFormatter.Describe(235_093_634_560, 22_000_000_000, false, true, Language.Zh));

    [Fact]
    public void Describe_DenseModelEstimated_MarksTheOneFigureOnce() =>
        Assert.Equal("≈8B", ParamFormatter.Describe(8_000_000_000, 8_000_000_000, true, true, Language.En));

    [Fact]
    public void Describe_DenseModel_ShowsOneNumber() =>
        Assert.Equal("8B", ParamFormatter.Describe(8_000_000_000, 8_000_000_000, false, false, Language.En));

    [Fact]
    public void Describe_Chinese_UsesChineseWords() =>
        Assert.Equal("总参数 235B / 激活 22B", ParamFormatter.Describe(235_000_000_000, 22_000_000_000, false, false, Language.Zh));

    [Fact]
    public void Describe_Unknown_IsNull() =>
        Assert.Null(ParamFormatter.Describe(null, null, false, false, Language.En));
}
