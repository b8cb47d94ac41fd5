using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Replies;
using ReleaseBot.Testing.Builders;
using ReleaseBot.Testing.Rendering;
using ReleaseBot.Tests.Commands;

namespace ReleaseBot.Tests.Messages;

public sealed class EventComposerTests
{
    private static readonly DateTimeOffset At = new(2025, 7, 30, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Compose_ReleaseDetected_AnnouncementHasEveryField()
    {
        var release = new ReleaseBuilder("zai-org/GLM-4.5", "zhipu").Params(355_000_000_000, 32_000_000_000).Licence("mit").Gated(false).Build();
        using var h = await CommandHarness.WithVendorsAsync(release);
        await h.Store.Ranks.TryAddSnapshotAsync(SampleReleases.Trending, CancellationToken.None);

        var reply = await h.Composer.ComposeAsync(BotEvent.ReleaseDetected(release, At), new SubscriptionBuilder().Build(), CancellationToken.None);

        Assert.NotNull(reply);
        Assert.Equal(ReplyKind.Announcement, reply.Kind);
        Assert.Equal("GLM-4.5", reply.Title);
        Assert.Equal("https://huggingface.co/zai-org/GLM-4.5", reply.TitleUrl);
        Assert.Equal("New release from Zhipu AI", reply.Lines[0].Text);
        var fields = reply.Fields.ToDictionary(f => f.Name, f => f.Value);
        Assert.Equal("Zhipu AI (China)", fields["Vendor"]);
        Assert.Equal("355B total / 32B active", fields["Parameters"]);
        Assert.Equal("mit", fields["Licence"]);
        Assert.Equal("text · text-generation", fields["Modality"]);
        Assert.Equal("no", fields["Gated"]);
        Assert.Equal("#1 (snapshot of 2025-07-30)", fields["Trending"]);
        Assert.DoesNotContain("Model card", fields.Keys);
        Assert.Contains(reply.Links, l => l.Url == "https://huggingface.co/zai-org/GLM-4.5");
    }

    [Fact]
    public async Task Compose_HostileModelName_KeepsRawTextForRenderersToEscape()
    {
        const string hostile = "<script>alert('x')</script> & <b>bold</b>";
        var release = new ReleaseBuilder("evil-org/model", null).Titled(hostile).NoModelCard().Build();
        using var h = await CommandHarness.WithVendorsAsync(release);

        var reply = await h.Composer.ComposeAsync(BotEvent.ReleaseDetected(release, At), new SubscriptionBuilder().Build(), CancellationToken.None);

        Assert.Equal(hostile, reply!.Title);
        Assert.Contains(reply.Lines, l => l.Text == "⚠ No model card: the repo has no README yet.");
        var fields = reply.Fields.ToDictionary(f => f.Name, f => f.Value);
        Assert.Equal("evil-org (not a known vendor)", fields["Vendor"]);
        Assert.Equal("none (no README on the Hub)", fields["Model card"]);
        Assert.Equal("unknown", fields["Parameters"]);
    }

    [Fact]
    public async Task Compose_Derivative_NamesBaseModelAndItsVendor()
    {
        using var h = await CommandHarness.WithVendorsAsync(SampleReleases.Gguf);

        var reply = await h.Composer.ComposeAsync(BotEvent.ReleaseDetected(SampleReleases.Gguf, At), new SubscriptionBuilder().Build(), CancellationToken.None);

        Assert.Equal("derivative of Qwen/Qwen3-30B-A3B-Instruct-2507 (Alibaba)", reply!.Fields.Single(f => f.Name == "Derivative").Value);
        Assert.Contains(reply.Links, l => l.Url == "https://huggingface.co/Qwen/Qwen3-30B-A3B-Instruct-2507");
    }

    [Fact]
    public async Task Compose_EstimatedAnnouncedRelease_MarksBothFiguresAndDatesTheStatus()
    {
        using var h = await CommandHarness.WithVendorsAsync(SampleReleases.Step3);

        var reply = await h.Composer.ComposeAsync(BotEvent.ReleaseDetected(SampleReleases.Step3, At), new SubscriptionBuilder().Build(), CancellationToken.None);

        var fields = reply!.Fields.ToDictionary(f => f.Name, f => f.Value);
        Assert.Equal("≈321B total / ≈38B active", fields["Parameters"]);
        Assert.Equal("announced 2025-07-31; weights not public on that date", fields["Status"]);
    }

    [Fact]
    public async Task Compose_Chinese_UsesChineseLabels()
    {
        using var h = await CommandHarness.WithVendorsAsync(SampleReleases.Qwen235);

        var reply = await h.Composer.ComposeAsync(BotEvent.ReleaseDetected(SampleReleases.Qwen235, At), new SubscriptionBuilder().Language(Language.Zh).Build(), CancellationToken.None);

        Assert.StartsWith("阿里巴巴", reply!.Lines[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("发布新模型", reply.Lines[0].Text, StringComparison.Ordinal);
        Assert.Equal("总参数 235B / 激活 22B", reply.Fields.Single(f => f.Name == "参数量").Value);
    }

    [Theory]
    [InlineData(RankMoveKind.ReachedFirst, 3, 1, "zai-org/GLM-4.5 reached #1 on Hugging Face trending")]
    [InlineData(RankMoveKind.EnteredTop, null, 7, "zai-org/GLM-4.5 entered the trending top 10 at #7")]
    [InlineData(RankMoveKind.Climbed, 9, 4, "zai-org/GLM-4.5 climbed 5 places to #4")]
    public async Task Compose_RankChanged_SaysWhatMoved(RankMoveKind kind, int? from, int to, string expected)
    {
        using var h = await CommandHarness.WithVendorsAsync(SampleReleases.Glm);
        var move = new RankMove(RepoId.Parse("zai-org/GLM-4.5"), kind, from, to, At);

        var reply = await h.Composer.ComposeAsync(BotEvent.RankChanged(move), new SubscriptionBuilder().Build(), CancellationToken.None);

        Assert.Equal(expected, reply!.Lines[0].Text);
        Assert.Equal("Zhipu AI (China)", reply.Fields.Single(f => f.Name == "Vendor").Value);
    }

    [Fact]
    public async Task Compose_WatchHit_NamesThePattern()
    {
        using var h = await CommandHarness.WithVendorsAsync(SampleReleases.Step3);
        var watch = new WatchPattern { Id = "w", SubscriptionId = "s", Pattern = "stepfun-ai/step3*", CreatedAt = At };

        var reply = await h.Composer.ComposeAsync(BotEvent.WatchHit(watch, SampleReleases.Step3, At), new SubscriptionBuilder().Build(), CancellationToken.None);

        Assert.Equal("Your watch stepfun-ai/step3* matched a new repo", reply!.Lines[0].Text);
        Assert.Equal(ReplyKind.Announcement, reply.Kind);
    }

    [Fact]
    public async Task Compose_ReleaseGone_Null()
    {
        using var h = await CommandHarness.WithVendorsAsync();

        var reply = await h.Composer.ComposeAsync(BotEvent.ReleaseDetected(SampleReleases.Glm, At), new SubscriptionBuilder().Build(), CancellationToken.None);

        Assert.Null(reply);
    }
}
