using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Replies;
using ReleaseBot.Testing.Builders;
using ReleaseBot.Tests.Commands;

namespace ReleaseBot.Tests.Messages;

public sealed class DigestComposerTests
{
    private static readonly DateTimeOffset From = new(2025, 7, 27, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2025, 7, 31, 1, 0, 0, TimeSpan.Zero);

    private static BotEvent Digest() => new()
    {
        Id = "digest:s:2025-07-31",
        Kind = EventKind.Digest,
        OccurredAt = To,
        DigestDate = new DateOnly(2025, 7, 31),
        CoversFrom = From,
        CoversTo = To,
    };

    private static RankSnapshot Before() => new()
    {
        Id = "hub:2025-07-26",
        TakenAt = new DateTimeOffset(2025, 7, 26, 0, 0, 0, TimeSpan.Zero),
        Size = 10,
        Entries = [new(1, RepoId.Parse("Qwen/Qwen3-235B-A22B-Instruct-2507")), new(2, RepoId.Parse("moonshotai/Kimi-K2-Instruct")), new(6, RepoId.Parse("Qwen/Qwen3-Coder-480B-A35B-Instruct"))],
    };

    [Fact]
    public async Task Compose_Window_GroupsNewReleasesByVendorAndShowsMovesAndTopTen()
    {
        using var h = await CommandHarness.WithVendorsAsync(SampleReleases.All);
        await h.Store.Ranks.TryAddSnapshotAsync(Before(), CancellationToken.None);
        await h.Store.Ranks.TryAddSnapshotAsync(SampleReleases.Trending, CancellationToken.None);

        var reply = await h.Composer.ComposeAsync(Digest(), new SubscriptionBuilder().Build(), CancellationToken.None);

        Assert.Equal(ReplyKind.Digest, reply!.Kind);
        Assert.Equal("Daily digest, 2025-07-31", reply.Title);
        var lines = reply.Lines.Select(l => l.Text).ToList();
        // Detected in (07-27 01:00, 07-31 01:00]: HunyuanWorld (27th), GLM (28th), Qwen30 (30th); not the GGUF (derivative), not step3 (31st 02:00).
        Assert.Equal("New releases (3)", lines[0]);
        Assert.Equal("Alibaba (1)", lines[1]);
        Assert.Contains("Zhipu AI (1)", lines);
        Assert.Contains("Tencent (1)", lines);
        Assert.DoesNotContain(lines, l => l.Contains("unsloth", StringComparison.Ordinal) || l.Contains("step3", StringComparison.Ordinal));
        Assert.Contains("zai-org/GLM-4.5 reached #1 on Hugging Face trending", lines);
        // A 4-place climb is below ClimbPlaces (10): the digest follows the live alerts' rule.
        Assert.DoesNotContain(lines, l => l.Contains("climbed", StringComparison.Ordinal));
        Assert.Contains("tencent/HunyuanWorld-1 entered the trending top 10 at #3", lines);
        Assert.Contains("Trending top 10, snapshot of 2025-07-30", lines);
        Assert.Contains("#9 Wan2.2 (repo not stated) — Alibaba (China)", lines);
        Assert.Contains("8 of 8 known entries are from Chinese vendors (2 of 10 places not known).", lines);
    }

    [Fact]
    public async Task Compose_VendorFilter_OnlyThatVendorsReleases()
    {
        using var h = await CommandHarness.WithVendorsAsync(SampleReleases.All);

        var reply = await h.Composer.ComposeAsync(Digest(), new SubscriptionBuilder().Vendors("zhipu").Build(), CancellationToken.None);

        var lines = reply!.Lines.Select(l => l.Text).ToList();
        Assert.Equal("New releases (1)", lines[0]);
        Assert.Equal("Zhipu AI (1)", lines[1]);
        Assert.StartsWith("2025-07-28 · zai-org/GLM-4.5", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compose_NothingNewInChinese_SaysSoInChinese()
    {
        using var h = await CommandHarness.WithVendorsAsync();

        var reply = await h.Composer.ComposeAsync(Digest(), new SubscriptionBuilder().Language(Language.Zh).Build(), CancellationToken.None);

        Assert.Equal("每日摘要，2025-07-31", reply!.Title);
        Assert.Equal(["新发布（0）", "此期间没有新发布。"], reply.Lines.Select(l => l.Text));
    }
}
