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

    [Theory]
    [InlineData(235_000_000_000L, 22_000_000_000L, false, false, "235B total / 22B active")]
    [InlineData(321_000_000_000L, 38_000_000_000L, true, true, "≈321B total / ≈38B active")]
    [InlineData(241_000_000_000L, 28_000_000_000L, false, true, "241B total / ≈28B active")]
    [InlineData(8_000_000_000L, 8_000_000_000L, false, false, "8B")]
    [InlineData(8_000_000_000L, 8_000_000_000L, true, true, "≈8B")]
    public void Describe_Figures_MarksOnlyTheEstimatedOnes(long total, long active, bool totalEstimated, bool activeEstimated, string expected) =>
        Assert.Equal(expected, ParamFormatter.Describe(total, active, totalEstimated, activeEstimated, Language.En));

    [Theory]
    [InlineData(false, "总参数 235B / 激活 22B")]
    [InlineData(true, "总参数 235B / 激活 ≈22B")]
    public void Describe_Chinese_UsesChineseWordsAndMarksOnlyTheEstimate(bool activeEstimated, string expected) =>
        Assert.Equal(expected, ParamFormatter.Describe(235_093_634_560, 22_000_000_000, false, activeEstimated, Language.Zh));

    [Fact]
    public void Describe_Unknown_IsNull() =>
        Assert.Null(ParamFormatter.Describe(null, null, false, false, Language.En));
}
