using ReleaseBot.Core.Dispatch;
using ReleaseBot.Core.Domain;
using ReleaseBot.Testing.Fakes;

namespace ReleaseBot.Tests.Dispatch;

public sealed class DispatchCrashTests
{
    private const int Chats = 12;
    private const int EventsPerChat = 3;

    [Fact]
    public async Task RunOnceAsync_CrashMidFanOut_EveryDeliveryArrives_DuplicatesOnlyTheInFlightSends()
    {
        using var h = new DispatchHarness(new DispatchOptions { MaxConcurrency = 4 });
        for (var i = 0; i < Chats; i++)
        {
            await h.AddSubscriptionAsync(TestData.Subscription($"s{i:00}"));
        }

        var events = new List<BotEvent>();
        for (var e = 0; e < EventsPerChat; e++)
        {
            events.Add(await h.PublishReleaseAsync($"Qwen/Model-{e}"));
            h.Time.Advance(TimeSpan.FromSeconds(1));
        }

        // After 7 messages every further send reaches the platform and then never returns:
        // the process "dies" with the send done and its outcome unrecorded.
        h.Sender.CrashAfter(7);
        using (var crash = new CancellationTokenSource())
        {
            var run = h.NewEngine().RunOnceAsync(crash.Token);
            await h.Sender.WhenHangingAsync(h.Options.MaxConcurrency).WaitAsync(TimeSpan.FromSeconds(30));
            await crash.CancelAsync();
            await run.WaitAsync(TimeSpan.FromSeconds(30));
        }

        var arrivedBeforeCrash = h.Sender.Arrived.Count;
        h.Store.Reopen();
        h.Sender.Recover();
        await h.NewEngine().RunOnceAsync(CancellationToken.None);

        var expected = Enumerable.Range(0, Chats)
            .SelectMany(i => events.Select(e => FakeEventComposer.TextFor(e.Id, $"s{i:00}")))
            .ToHashSet(StringComparer.Ordinal);
        var arrived = h.Sender.Arrived.Select(s => s.Text).ToList();
        var duplicates = arrived.Count - arrived.Distinct(StringComparer.Ordinal).Count();

        Assert.Equal(7 + h.Options.MaxConcurrency, arrivedBeforeCrash);
        Assert.True(expected.SetEquals(arrived));
        // At least once: exactly the sends in flight at the crash arrived twice, nothing more.
        Assert.Equal(h.Options.MaxConcurrency, duplicates);
        var counts = await h.Store.Outbox.CountByStateAsync(CancellationToken.None);
        Assert.Equal(Chats * EventsPerChat, counts[DeliveryState.Sent]);
        Assert.Equal(0, counts[DeliveryState.Pending]);
    }

    [Fact]
    public async Task RunOnceAsync_PerChat_MessagesArriveInPlanningOrder()
    {
        using var h = new DispatchHarness(new DispatchOptions { MaxConcurrency = 3 });
        for (var i = 0; i < 5; i++)
        {
            await h.AddSubscriptionAsync(TestData.Subscription($"s{i}"));
        }

        var events = new List<BotEvent>();
        for (var e = 0; e < 4; e++)
        {
            events.Add(await h.PublishReleaseAsync($"zai-org/GLM-{e}"));
            h.Time.Advance(TimeSpan.FromSeconds(1));
        }

        await h.NewEngine().RunOnceAsync(CancellationToken.None);

        foreach (var group in h.Sender.Arrived.GroupBy(s => s.Chat))
        {
            var sub = group.Key.ChatId["chat-".Length..];
            Assert.Equal(events.Select(e => FakeEventComposer.TextFor(e.Id, sub)), group.Select(s => s.Text));
        }

        Assert.Equal(20, h.Sender.Arrived.Count);
    }
}
