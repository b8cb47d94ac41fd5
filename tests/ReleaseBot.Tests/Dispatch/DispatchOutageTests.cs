using ReleaseBot.Core.Domain;
using ReleaseBot.Testing.Fakes;
using Xunit.Abstractions;

namespace ReleaseBot.Tests.Dispatch;

/// <summary>
/// A platform unreachable for a stretch (every send Transient): the dispatcher backs off instead of spinning, and after
/// recovery every delivery goes out once, in order per chat.
/// </summary>
public sealed class DispatchOutageTests(ITestOutputHelper output)
{
    private static readonly string[] Repos = ["Qwen/A", "Qwen/B", "Qwen/C", "Qwen/D"];
    [Theory]
    [InlineData(60)]
    [InlineData(300)]
    [InlineData(600)]
    [InlineData(3600)]
    [InlineData(4 * 3600)]
    public async Task RunOnceAsync_PlatformUnreachable_BacksOffThenDeliversEveryRowOnceInOrder(int outageSeconds)
    {
        var outage = TimeSpan.FromSeconds(outageSeconds);
        using var h = new DispatchHarness();
        var sub = await h.AddSubscriptionAsync(TestData.Subscription("a"));
        var events = new List<BotEvent>();
        foreach (var repo in Repos)
        {
            events.Add(await h.PublishReleaseAsync(repo));
        }

        h.Sender.Unreachable = true;
        var engine = h.NewEngine();
        // A pass every fake second (every 10 s past ten minutes): far more often than the poll interval, so only the
        // backoff can bound the attempts. Outages longer than MaxAttempts' backoffs (about 10.5 minutes) lose nothing
        // either: the rows are younger than GiveUpAfter.
        var step = TimeSpan.FromSeconds(outageSeconds > 600 ? 10 : 1);
        for (var at = TimeSpan.Zero; at < outage; at += step)
        {
            await engine.RunOnceAsync(CancellationToken.None);
            h.Time.Advance(step);
        }

        var duringOutage = h.Sender.Attempts.Count;
        h.Sender.Unreachable = false;
        var drainSeconds = 0;
        while (h.Sender.Arrived.Count < events.Count && drainSeconds < 3600)
        {
            await engine.RunOnceAsync(CancellationToken.None);
            h.Time.Advance(TimeSpan.FromSeconds(1));
            drainSeconds++;
        }

        var bound = AttemptsWithin(h.Options.BackoffAfter, outage);
        output.WriteLine(
            $"outage {outage.TotalSeconds}s: attempts {duringOutage} (bound {bound}, {duringOutage / outage.TotalSeconds:F3}/s), " +
            $"delivered {h.Sender.Arrived.Count}/{events.Count}, drain {drainSeconds} fake s");
        Assert.InRange(duringOutage, 1, bound);
        Assert.Equal(events.Select(e => FakeEventComposer.TextFor(e.Id, "a")), h.Sender.Arrived.Select(s => s.Text));
        Assert.All(await h.RowsAsync("a"), row => Assert.Equal(DeliveryState.Sent, row.State));
        Assert.Equal(sub.Chat, Assert.Single(h.Sender.Arrived.Select(s => s.Chat).Distinct()));
    }

    /// <summary>Attempts of the chat's head row that fit in <paramref name="window"/>: the first, then one per backoff.</summary>
    private static int AttemptsWithin(Func<int, TimeSpan> backoffAfter, TimeSpan window)
    {
        var attempts = 1;
        var at = TimeSpan.Zero;
        while ((at += backoffAfter(attempts)) < window)
        {
            attempts++;
        }

        return attempts;
    }
}
