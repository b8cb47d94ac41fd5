using ReleaseBot.Core.Domain;

namespace ReleaseBot.Tests.Domain;

public sealed class WatchGlobTests
{
    [Theory]
    [InlineData("stepfun-ai/step3*", "stepfun-ai/step3", true)]
    [InlineData("stepfun-ai/step3*", "StepFun-AI/Step3-FP8", true)]
    [InlineData("stepfun-ai/step3*", "stepfun-ai/step-audio", false)]
    [InlineData("Qwen/Qwen3-?B", "Qwen/Qwen3-8B", true)]
    [InlineData("a.b/c", "axb/c", false)]
    public void IsMatch_Globs_MatchWholeIdCaseInsensitively(string pattern, string repoId, bool match) =>
        Assert.Equal(match, WatchGlob.IsMatch(pattern, RepoId.Parse(repoId)));

    [Theory]
    [InlineData(" stepfun-ai/step3* ")]
    [InlineData("\tstepfun-ai/step3*")]
    public void IsMatch_PatternWithSurroundingSpace_MatchesAsTrimmed(string pattern)
    {
        Assert.True(WatchGlob.IsValid(pattern));
        Assert.True(WatchGlob.IsMatch(pattern, RepoId.Parse("stepfun-ai/step3")));
    }

    [Fact]
    public void Matches_Watch_AsksTheSameRule()
    {
        var watch = new WatchPattern { Id = "s:qwen/qwen3-*", SubscriptionId = "s", Pattern = " Qwen/Qwen3-* ", CreatedAt = DateTimeOffset.UnixEpoch };

        Assert.True(watch.Matches(RepoId.Parse("qwen/qwen3-8b")));
        Assert.False(watch.Matches(RepoId.Parse("Qwen/Qwen2.5-7B")));
    }

    [Theory]
    [InlineData("*/*")]
    [InlineData("no-slash*")]
    [InlineData("a b/c*")]
    public void IsValid_BroadOrMalformed_IsRefused(string pattern) =>
        Assert.False(WatchGlob.IsValid(pattern) && !WatchGlob.IsTooBroad(pattern));
}
