using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.Testing.Fakes;

namespace ReleaseBot.Tests.Dispatch;

/// <summary>A chat that has to wait (its sender answered WaitUntil): it waits alone, in order, and no attempt is counted.</summary>
public sealed class DispatchWaitTests
{
    private static readonly string[] Repos = ["Qwen/A", "Qwen/B", "Qwen/C"];

    [Fact]
    public async Task RunOnceAsync_LongWaitUntil_HoldsTheChatsRowsInOrderWithoutAnAttemptWhileOthersGo()
    {
        using var h = new DispatchHarness();
        var held = await h.AddSubscriptionAsync(TestData.Subscription("held"));
        await h.AddSubscriptionAsync(TestData.Subscription("free"));
        var events = await PublishAsync(h);
        var until = h.Time.GetUtcNow().AddSeconds(30);
        h.Sender.Script(held.Chat, new SendOutcome.WaitUntil(until, "group window full"));
        var engine = h.NewEngine();

        await engine.RunOnceAsync(CancellationToken.None);
        var waiting = await h.RowsAsync("held");
        var arrivedMeanwhile = h.Sender.Arrived.Select(s => s.Text).ToList();
        h.Time.Advance(TimeSpan.FromSeconds(30));
        await engine.RunOnceAsync(CancellationToken.None);

        Assert.Equal(events.Select(e => FakeEventComposer.TextFor(e.Id, "free")), arrivedMeanwhile);
        Assert.All(waiting, row => Assert.Equal((DeliveryState.Pending, 0, until), (row.State, row.Attempts, row.NextAttemptAt)));
        Assert.Equal(
            events.Select(e => FakeEventComposer.TextFor(e.Id, "held")),
            h.Sender.Arrived.Where(s => s.Chat == held.Chat).Select(s => s.Text));
        Assert.All(await h.RowsAsync("held"), row => Assert.Equal((DeliveryState.Sent, 1), (row.State, row.Attempts)));
        // The refused send and its retry carry the same outbox row id, so a platform could recognise the repeat.
        var toHeld = h.Sender.Attempts.Where(s => s.Chat == held.Chat).ToList();
        Assert.Equal(Delivery.KeyFor("held", events[0].Id), toHeld[0].DeliveryId);
        Assert.Equal(toHeld[0].DeliveryId, toHeld[1].DeliveryId);
    }

    [Fact]
    public async Task RunOnceAsync_ShortWaitUntil_WaitedInTheLaneAndEveryRowGoesInOnePass()
    {
        using var h = new DispatchHarness();
        var sub = await h.AddSubscriptionAsync(TestData.Subscription("a"));
        var events = await PublishAsync(h);
        h.Sender.Script(sub.Chat, new SendOutcome.WaitUntil(h.Time.GetUtcNow().AddSeconds(1), "one message per second"));

        var pass = h.NewEngine().RunOnceAsync(CancellationToken.None);
        // The clock moves once the lane has started its one-second wait (moved earlier, the wait would start after it).
        await h.Time.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await pass.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(events.Select(e => FakeEventComposer.TextFor(e.Id, "a")), h.Sender.Arrived.Select(s => s.Text));
        Assert.All(await h.RowsAsync("a"), row => Assert.Equal((DeliveryState.Sent, 1), (row.State, row.Attempts)));
    }

    private static async Task<List<BotEvent>> PublishAsync(DispatchHarness h)
    {
        var events = new List<BotEvent>();
        foreach (var repo in Repos)
        {
            events.Add(await h.PublishReleaseAsync(repo));
            h.Time.Advance(TimeSpan.FromSeconds(1));
        }

        return events;
    }
}
