using ReleaseBot.Core.Messages;
using ReleaseBot.Core.Dispatch;
using ReleaseBot.Core.Domain;
using ReleaseBot.Testing.Fakes;

namespace ReleaseBot.Tests.Dispatch;

/// <summary>A fan-out composes each event once per language within a pass, and never shares what is per subscription.</summary>
public sealed class DispatchSharedRepliesTests
{
    [Fact]
    public async Task RunOnceAsync_FanOutOfOneEvent_ComposesOncePerLanguage()
    {
        using var h = new DispatchHarness();
        h.Composer.SharePerLanguage = true;
        var ids = new[] { "a", "b", "c", "d", "e", "f" };
        foreach (var id in ids)
        {
            var language = id is "e" or "f" ? Language.Zh : Language.En;
            await h.AddSubscriptionAsync(TestData.Subscription(id) with { Language = language });
        }

        var botEvent = await h.PublishReleaseAsync("Qwen/Qwen3-Coder-480B-A35B-Instruct");

        await h.NewEngine().RunOnceAsync(CancellationToken.None);

        Assert.Equal(2, h.Composer.Composed);
        Assert.Equal(ids.Length, h.Sender.Arrived.Count);
        foreach (var id in ids)
        {
            Assert.Equal(DeliveryState.Sent, (await h.RowAsync(id, botEvent.Id)).State);
        }

        var zh = FakeEventComposer.SharedTextFor(botEvent.Id, Language.Zh);
        Assert.Equal(2, h.Sender.Arrived.Count(m => m.Text == zh));
    }

    [Fact]
    public async Task RunOnceAsync_NotShareable_ComposesPerSubscription()
    {
        using var h = new DispatchHarness();
        foreach (var id in new[] { "a", "b", "c" })
        {
            await h.AddSubscriptionAsync(TestData.Subscription(id));
        }

        var botEvent = await h.PublishReleaseAsync("Qwen/Qwen3-Coder-480B-A35B-Instruct");

        await h.NewEngine().RunOnceAsync(CancellationToken.None);

        Assert.Equal(3, h.Composer.Composed);
        Assert.Contains(h.Sender.Arrived, m => m.Text == FakeEventComposer.TextFor(botEvent.Id, "b"));
    }

    [Fact]
    public async Task RunOnceAsync_SharedComposeThrows_EachRowCountsAFailedAttempt()
    {
        using var h = new DispatchHarness();
        h.Composer.SharePerLanguage = true;
        await h.AddSubscriptionAsync(TestData.Subscription("a"));
        await h.AddSubscriptionAsync(TestData.Subscription("b"));
        var botEvent = await h.PublishReleaseAsync("Qwen/Qwen3-Coder-480B-A35B-Instruct");
        h.Composer.Broken.Add(botEvent.Id);

        await h.NewEngine().RunOnceAsync(CancellationToken.None);

        Assert.Empty(h.Sender.Arrived);
        Assert.Equal(1, (await h.RowAsync("a", botEvent.Id)).Attempts);
        Assert.Equal(1, (await h.RowAsync("b", botEvent.Id)).Attempts);
    }

    [Fact]
    public void ShareKey_PerLanguageForAnnouncements_NullForDigests()
    {
        var composer = new EventComposer(null!, null!, null!, null!);
        var release = TestData.Release("Qwen/Qwen3-Coder-480B-A35B-Instruct");
        var detected = TestData.Detected(release);
        var en = TestData.Subscription("a");
        var zh = TestData.Subscription("b") with { Language = Language.Zh };
        var digest = new BotEvent { Id = "digest:a:2025-07-30", Kind = EventKind.Digest, OccurredAt = TestData.Start };

        Assert.Equal(composer.ShareKey(detected, en), composer.ShareKey(detected, TestData.Subscription("c")));
        Assert.NotEqual(composer.ShareKey(detected, en), composer.ShareKey(detected, zh));
        Assert.NotNull(composer.ShareKey(TestData.RankEvent(release), en));
        Assert.Null(composer.ShareKey(digest, en));
    }
}
