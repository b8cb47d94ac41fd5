using ReleaseBot.Core.Dispatch;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.Testing.Fakes;

namespace ReleaseBot.Tests.Dispatch;

public sealed class DispatchEngineTests
{
    [Fact]
    public async Task RunOnceAsync_Pending_SentWithMessageIds()
    {
        using var h = new DispatchHarness();
        var sub = await h.AddSubscriptionAsync(TestData.Subscription("a"));
        var botEvent = await h.PublishReleaseAsync("Qwen/Qwen3-Coder-480B-A35B-Instruct");

        await h.NewEngine().RunOnceAsync(CancellationToken.None);

        var row = await h.RowAsync("a", botEvent.Id);
        Assert.Equal(DeliveryState.Sent, row.State);
        Assert.Equal(["m1"], row.PlatformMessageIds);
        Assert.Equal(TestData.Start, row.SentAt);
        Assert.Equal(1, row.Attempts);
        var arrived = Assert.Single(h.Sender.Arrived);
        Assert.Equal(sub.Chat, arrived.Chat);
        Assert.Equal(FakeEventComposer.TextFor(botEvent.Id, "a"), arrived.Text);
    }

    [Fact]
    public async Task RunOnceAsync_WaitUntil_WaitsExactlyUntilThen()
    {
        using var h = new DispatchHarness();
        var sub = await h.AddSubscriptionAsync(TestData.Subscription("a"));
        var botEvent = await h.PublishReleaseAsync("zai-org/GLM-4.5");
        h.Sender.Script(sub.Chat, new SendOutcome.WaitUntil(TestData.Start.AddSeconds(40), "Too Many Requests: retry after 37"));
        h.Time.Advance(TimeSpan.FromSeconds(3));
        var engine = h.NewEngine();

        await engine.RunOnceAsync(CancellationToken.None);
        var waiting = await h.RowAsync("a", botEvent.Id);
        h.Time.Advance(TimeSpan.FromSeconds(36));
        await engine.RunOnceAsync(CancellationToken.None);
        var stillWaiting = await h.RowAsync("a", botEvent.Id);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await engine.RunOnceAsync(CancellationToken.None);

        Assert.Equal(TestData.Start.AddSeconds(40), waiting.NextAttemptAt);
        Assert.Equal(DeliveryState.Pending, waiting.State);
        Assert.Equal(0, waiting.Attempts);
        Assert.Equal(DeliveryState.Pending, stillWaiting.State);
        Assert.Equal(DeliveryState.Sent, (await h.RowAsync("a", botEvent.Id)).State);
        Assert.Equal(2, h.Sender.Attempts.Count);
    }

    [Fact]
    public async Task RunOnceAsync_Transient_BacksOffThenFailsAfterMaxAttempts()
    {
        using var h = new DispatchHarness(new DispatchOptions { MaxAttempts = 3, GiveUpAfter = TimeSpan.Zero, BaseBackoff = TimeSpan.FromSeconds(5) });
        var sub = await h.AddSubscriptionAsync(TestData.Subscription("a"));
        var botEvent = await h.PublishReleaseAsync("deepseek-ai/DeepSeek-V3");
        h.Sender.Script(sub.Chat, Enumerable.Repeat<SendOutcome>(new SendOutcome.Transient("502 Bad Gateway"), 3).ToArray());
        var engine = h.NewEngine();

        await engine.RunOnceAsync(CancellationToken.None);
        var afterFirst = await h.RowAsync("a", botEvent.Id);
        h.Time.Advance(TimeSpan.FromSeconds(5));
        await engine.RunOnceAsync(CancellationToken.None);
        var afterSecond = await h.RowAsync("a", botEvent.Id);
        h.Time.Advance(TimeSpan.FromSeconds(10));
        await engine.RunOnceAsync(CancellationToken.None);
        var afterThird = await h.RowAsync("a", botEvent.Id);

        Assert.Equal((1, TestData.Start.AddSeconds(5)), (afterFirst.Attempts, afterFirst.NextAttemptAt));
        Assert.Equal((2, TestData.Start.AddSeconds(15)), (afterSecond.Attempts, afterSecond.NextAttemptAt));
        Assert.Equal(DeliveryState.Failed, afterThird.State);
        Assert.Equal(3, afterThird.Attempts);
        Assert.Contains("502 Bad Gateway", afterThird.LastError, StringComparison.Ordinal);
        Assert.Empty(h.Sender.Arrived);
        Assert.True((await h.Store.Subscriptions.GetSubscriptionAsync("a", CancellationToken.None))!.Active);
    }

    [Fact]
    public async Task RunOnceAsync_TransientPastMaxAttempts_KeepsRetryingAtMaxBackoffUntilGiveUpAfter()
    {
        var options = new DispatchOptions
        {
            MaxAttempts = 2,
            GiveUpAfter = TimeSpan.FromHours(1),
            BaseBackoff = TimeSpan.FromSeconds(5),
            MaxBackoff = TimeSpan.FromMinutes(15),
        };
        using var h = new DispatchHarness(options);
        var sub = await h.AddSubscriptionAsync(TestData.Subscription("a"));
        var botEvent = await h.PublishReleaseAsync("deepseek-ai/DeepSeek-V3");
        h.Sender.Script(sub.Chat, Enumerable.Repeat<SendOutcome>(new SendOutcome.Transient("502 Bad Gateway"), 100).ToArray());
        var engine = h.NewEngine();

        var states = new List<(TimeSpan Age, DeliveryState State)>();
        for (var minute = 0; minute <= 75; minute++)
        {
            await engine.RunOnceAsync(CancellationToken.None);
            states.Add((TimeSpan.FromMinutes(minute), (await h.RowAsync("a", botEvent.Id)).State));
            h.Time.Advance(TimeSpan.FromMinutes(1));
        }

        // Pending through the first hour although MaxAttempts was spent in seconds; failed at the first attempt after it.
        Assert.All(states.Where(s => s.Age < TimeSpan.FromHours(1)), s => Assert.Equal(DeliveryState.Pending, s.State));
        Assert.Equal(DeliveryState.Failed, states[^1].State);
        var row = await h.RowAsync("a", botEvent.Id);
        Assert.Contains("gave up after", row.LastError, StringComparison.Ordinal);
        // One try, 5 s, 10 s, …, then every 15 minutes: a handful of requests, not one per pass.
        Assert.InRange(h.Sender.Attempts.Count, 5, 12);
    }

    [Fact]
    public async Task RunOnceAsync_RowPlannedWhileAnEarlierOneBacksOff_WaitsBehindItAndTheOrderHolds()
    {
        using var h = new DispatchHarness(new DispatchOptions { BaseBackoff = TimeSpan.FromSeconds(5) });
        var sub = await h.AddSubscriptionAsync(TestData.Subscription("a"));
        var first = await h.PublishReleaseAsync("deepseek-ai/DeepSeek-V3");
        h.Sender.Script(sub.Chat, new SendOutcome.Transient("502 Bad Gateway"));
        var engine = h.NewEngine();
        await engine.RunOnceAsync(CancellationToken.None);

        // Planned while the first waits out its backoff: due at once, but it must not overtake the first.
        h.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await h.PublishReleaseAsync("deepseek-ai/DeepSeek-R1");
        await engine.RunOnceAsync(CancellationToken.None);
        var sentMeanwhile = h.Sender.Arrived.Count;
        h.Time.Advance(TimeSpan.FromSeconds(4));
        await engine.RunOnceAsync(CancellationToken.None);

        Assert.Equal(0, sentMeanwhile);
        Assert.Equal([FakeEventComposer.TextFor(first.Id, "a"), FakeEventComposer.TextFor(second.Id, "a")], h.Sender.Arrived.Select(s => s.Text));
    }

    [Fact]
    public async Task RunOnceAsync_ChatUnavailable_PausesSubscriptionAndDropsItsRows()
    {
        using var h = new DispatchHarness();
        var sub = await h.AddSubscriptionAsync(TestData.Subscription("a"));
        await h.AddSubscriptionAsync(TestData.Subscription("b"));
        await h.PublishReleaseAsync("Qwen/Qwen3-30B-A3B-Instruct-2507");
        await h.PublishReleaseAsync("Qwen/Qwen3-30B-A3B-Thinking-2507");
        await h.PublishReleaseAsync("Qwen/Qwen3-Coder-30B-A3B-Instruct");
        h.Sender.Script(sub.Chat, new SendOutcome.ChatUnavailable("Forbidden: bot was kicked from the supergroup chat"));

        await h.NewEngine().RunOnceAsync(CancellationToken.None);
        var otherChat = await h.RowsAsync("b");
        var later = await h.PublishReleaseAsync("Qwen/Qwen3-235B-A22B-Instruct-2507");

        var paused = await h.Store.Subscriptions.GetSubscriptionAsync("a", CancellationToken.None);
        Assert.NotNull(paused);
        Assert.False(paused.Active);
        Assert.Equal("Forbidden: bot was kicked from the supergroup chat", paused.PausedReason);
        Assert.Equal(TestData.Start, paused.PausedAt);
        Assert.All(await h.RowsAsync("a"), row => Assert.Equal(DeliveryState.Dropped, row.State));
        Assert.Equal(3, (await h.RowsAsync("a")).Count);
        Assert.Single(h.Sender.Attempts, s => s.Chat == sub.Chat);
        Assert.All(otherChat, row => Assert.Equal(DeliveryState.Sent, row.State));
        Assert.Null(await h.Store.Outbox.GetAsync(Delivery.KeyFor("a", later.Id), CancellationToken.None));
    }

    [Fact]
    public async Task RunOnceAsync_ChatGone_RemovesSubscriptionAndDropsItsRows()
    {
        using var h = new DispatchHarness();
        var sub = await h.AddSubscriptionAsync(TestData.Subscription("a"));
        await h.AddSubscriptionAsync(TestData.Subscription("b"));
        await h.PublishReleaseAsync("Qwen/Qwen3-30B-A3B-Instruct-2507");
        await h.PublishReleaseAsync("Qwen/Qwen3-30B-A3B-Thinking-2507");
        h.Sender.Script(sub.Chat, new SendOutcome.ChatGone("HTTP 404, code 10003: Unknown Channel"));

        await h.NewEngine().RunOnceAsync(CancellationToken.None);
        var otherChat = await h.RowsAsync("b");
        var later = await h.PublishReleaseAsync("Qwen/Qwen3-235B-A22B-Instruct-2507");

        Assert.Null(await h.Store.Subscriptions.GetSubscriptionAsync("a", CancellationToken.None));
        Assert.All(await h.RowsAsync("a"), row => Assert.Equal(DeliveryState.Dropped, row.State));
        Assert.Single(h.Sender.Attempts, s => s.Chat == sub.Chat);
        Assert.All(otherChat, row => Assert.Equal(DeliveryState.Sent, row.State));
        Assert.Null(await h.Store.Outbox.GetAsync(Delivery.KeyFor("a", later.Id), CancellationToken.None));
    }

    [Fact]
    public async Task RunOnceAsync_Migrated_MovesSubscriptionAndDeliversToNewChat()
    {
        using var h = new DispatchHarness();
        var sub = await h.AddSubscriptionAsync(TestData.Subscription("a", chatId: "-4001"));
        var botEvent = await h.PublishReleaseAsync("moonshotai/Kimi-K2-Instruct");
        h.Sender.Script(sub.Chat, new SendOutcome.Migrated("-1004001"));

        await h.NewEngine().RunOnceAsync(CancellationToken.None);

        var moved = await h.Store.Subscriptions.GetSubscriptionAsync("a", CancellationToken.None);
        Assert.NotNull(moved);
        Assert.Equal(new ChatAddress(Platform.Telegram, "-1004001"), moved.Chat);
        Assert.True(moved.Active);
        var arrived = Assert.Single(h.Sender.Arrived);
        Assert.Equal("-1004001", arrived.Chat.ChatId);
        Assert.Equal(FakeEventComposer.TextFor(botEvent.Id, "a"), arrived.Text);
        Assert.Equal(DeliveryState.Sent, (await h.RowAsync("a", botEvent.Id)).State);
    }

    [Fact]
    public async Task RunOnceAsync_Permanent_FailsOnlyThatDelivery()
    {
        using var h = new DispatchHarness();
        var sub = await h.AddSubscriptionAsync(TestData.Subscription("a"));
        var first = await h.PublishReleaseAsync("tencent/Hunyuan-A13B-Instruct");
        h.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await h.PublishReleaseAsync("baidu/ERNIE-4.5-300B-A47B-PT");
        h.Sender.Script(sub.Chat, new SendOutcome.Permanent("Bad Request: message is too long"));

        await h.NewEngine().RunOnceAsync(CancellationToken.None);

        var failed = await h.RowAsync("a", first.Id);
        Assert.Equal(DeliveryState.Failed, failed.State);
        Assert.Equal("Bad Request: message is too long", failed.LastError);
        Assert.Equal(DeliveryState.Sent, (await h.RowAsync("a", second.Id)).State);
        Assert.True((await h.Store.Subscriptions.GetSubscriptionAsync("a", CancellationToken.None))!.Active);
    }

    [Fact]
    public async Task RunOnceAsync_WaitUntilOnFirst_KeepsTheChatsOrder()
    {
        using var h = new DispatchHarness();
        var sub = await h.AddSubscriptionAsync(TestData.Subscription("a"));
        var events = new List<BotEvent>();
        foreach (var repo in new[] { "Qwen/A", "Qwen/B", "Qwen/C" })
        {
            events.Add(await h.PublishReleaseAsync(repo));
            h.Time.Advance(TimeSpan.FromSeconds(1));
        }

        h.Sender.Script(sub.Chat, new SendOutcome.WaitUntil(h.Time.GetUtcNow().AddSeconds(10), "retry after 10"));
        var engine = h.NewEngine();
        await engine.RunOnceAsync(CancellationToken.None);
        h.Time.Advance(TimeSpan.FromSeconds(10));
        await engine.RunOnceAsync(CancellationToken.None);

        Assert.Equal(events.Select(e => FakeEventComposer.TextFor(e.Id, "a")), h.Sender.Arrived.Select(s => s.Text));
    }

    [Fact]
    public async Task RunOnceAsync_NothingToComposeOrSubscriptionGone_Drops()
    {
        using var h = new DispatchHarness();
        await h.AddSubscriptionAsync(TestData.Subscription("a"));
        await h.AddSubscriptionAsync(TestData.Subscription("gone"));
        var botEvent = await h.PublishReleaseAsync("MiniMaxAI/MiniMax-M1-80k");
        var removed = await h.PublishReleaseAsync("MiniMaxAI/MiniMax-M1-40k");
        h.Composer.Gone.Add(removed.Id);
        await h.Store.Subscriptions.DeleteSubscriptionAsync("gone", CancellationToken.None);

        await h.NewEngine().RunOnceAsync(CancellationToken.None);

        Assert.Equal(DeliveryState.Sent, (await h.RowAsync("a", botEvent.Id)).State);
        Assert.Equal(DeliveryState.Dropped, (await h.RowAsync("a", removed.Id)).State);
        // Deleting the subscription took its pending rows with it: nothing is left to send or to drop.
        Assert.Empty(await h.Store.Outbox.GetBySubscriptionAsync("gone", CancellationToken.None));
        Assert.Single(h.Sender.Arrived);
    }

    [Fact]
    public async Task RunOnceAsync_ComposerThrows_CountsAttemptsThenFails_OthersUnaffected()
    {
        using var h = new DispatchHarness(new DispatchOptions { MaxAttempts = 2, GiveUpAfter = TimeSpan.Zero, BaseBackoff = TimeSpan.FromSeconds(5) });
        await h.AddSubscriptionAsync(TestData.Subscription("a"));
        var broken = await h.PublishReleaseAsync("stepfun-ai/step3");
        var fine = await h.PublishReleaseAsync("stepfun-ai/step3-fp8");
        h.Composer.Broken.Add(broken.Id);
        var engine = h.NewEngine();

        await engine.RunOnceAsync(CancellationToken.None);
        var afterFirst = await h.RowAsync("a", broken.Id);
        var fineAfterFirst = await h.RowAsync("a", fine.Id);
        h.Time.Advance(TimeSpan.FromSeconds(5));
        await engine.RunOnceAsync(CancellationToken.None);

        Assert.Equal((DeliveryState.Pending, 1, TestData.Start.AddSeconds(5)), (afterFirst.State, afterFirst.Attempts, afterFirst.NextAttemptAt));
        Assert.Equal(DeliveryState.Pending, fineAfterFirst.State); // held behind the first row of its chat
        var failed = await h.RowAsync("a", broken.Id);
        Assert.Equal(DeliveryState.Failed, failed.State);
        Assert.Contains("InvalidOperationException", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(DeliveryState.Sent, (await h.RowAsync("a", fine.Id)).State);
    }

    [Fact]
    public async Task RunAsync_NewWork_IsSentOnTheSignalWithoutWaitingForThePoll()
    {
        // The clock never moves, so only the planner's signal can wake the loop.
        using var h = new DispatchHarness(new DispatchOptions { PollInterval = TimeSpan.FromHours(1) });
        await h.AddSubscriptionAsync(TestData.Subscription("a"));
        using var stop = new CancellationTokenSource();
        var loop = h.NewEngine().RunAsync(stop.Token);

        // Each publish lands while the previous chat lane may still be finishing: a row must
        // not be picked up twice from a pass that read it before that lane recorded it.
        for (var i = 1; i <= 10; i++)
        {
            await h.PublishReleaseAsync($"Qwen/Qwen3-{i}B");
            await h.Sender.WhenArrivedAsync(i).WaitAsync(TimeSpan.FromSeconds(30));
        }

        await stop.CancelAsync();
        await loop.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(10, h.Sender.Arrived.Select(s => s.Text).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(10, h.Sender.Arrived.Count);
    }
}
