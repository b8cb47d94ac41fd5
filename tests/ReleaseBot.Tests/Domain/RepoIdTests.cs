using ReleaseBot.Core.Domain;

namespace ReleaseBot.Tests.Domain;

public sealed class RepoIdTests
{
    [Theory]
    [InlineData("Qwen/Qwen3-235B-A22B-Instruct-2507")]
    [InlineData("zai-org/GLM-4.5")]
    [InlineData("stepfun-ai/step3")]
    [InlineData("unsloth/Qwen3_8B.gguf")]
    public void Parse_HubId_KeepsOwnerNameAndSpelling(string text)
    {
        var repoId = RepoId.Parse(text);

        Assert.Equal(text, repoId.ToString());
        Assert.Equal(text[..text.IndexOf('/', StringComparison.Ordinal)], repoId.Owner);
        Assert.Equal("https://huggingface.co/" + text, repoId.Url);
        Assert.Equal("hf:" + text, repoId.ReleaseId);
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("", "empty")]
    [InlineData("Qwen", "needs an owner and a name")]
    [InlineData("/Qwen3", "owner of a repo id is empty")]
    [InlineData("Qwen/", "name of a repo id is empty")]
    [InlineData("a/b/c", "exactly one '/'")]
    [InlineData("Qwen/Qwen 3", "only letters, digits")]
    [InlineData("Qwen/Qwen3<script>", "only letters, digits")]
    [InlineData("Qwen/通义", "only letters, digits")]
    [InlineData("-Qwen/x", "may not start or end")]
    [InlineData("Qwen/x.", "may not start or end")]
    [InlineData("Qwen/a--b", "'--' or '..'")]
    [InlineData("Qwen/../etc", "exactly one '/'")]
    public void TryParse_Invalid_SaysWhatIsWrong(string? text, string problemPart)
    {
        Assert.False(RepoId.TryParse(text, out var repoId, out var problem));
        Assert.Null(repoId);
        Assert.Contains(problemPart, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooLong_ThrowsFormatExceptionNamingTheLimitNotTheInput()
    {
        var hostile = "evil/" + new string('x', 5000);

        var error = Assert.Throws<FormatException>(() => RepoId.Parse(hostile));

        Assert.Contains("at most 96 characters", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("xxxx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ControlCharacters_IsRefusedWithoutEchoingThem()
    {
        Assert.False(RepoId.TryParse("Qwen/x\u0000\u001b[31m", out _, out var problem));
        Assert.DoesNotContain("\u001b", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Equals_DifferentCase_IsTheSameRepo()
    {
        var a = RepoId.Parse("zai-org/GLM-4.5");
        var b = RepoId.Parse("ZAI-ORG/glm-4.5");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a.HasOwner("Zai-Org"));
        Assert.NotEqual(RepoId.Parse("zai-org/GLM-4.5-Air"), a);
    }

    [Fact]
    public void FromReleaseId_ReleaseKey_GivesTheRepoBack()
    {
        Assert.Equal(RepoId.Parse("Qwen/Qwen3-8B"), RepoId.FromReleaseId("hf:Qwen/Qwen3-8B"));
        Assert.Null(RepoId.FromReleaseId("Qwen/Qwen3-8B"));
        Assert.Null(RepoId.FromReleaseId("hf:not a repo"));
    }

    [Fact]
    public void StripPageUrl_ModelPage_GivesOwnerAndName() =>
        Assert.Equal("Qwen/Qwen3-8B", RepoId.StripPageUrl("https://huggingface.co/Qwen/Qwen3-8B"));
}
