using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Health;
using ReleaseBot.Testing.Hosting;

namespace ReleaseBot.Tests.Dispatch;

public sealed class DispatchMetricsTests
{
    [Fact]
    public async Task RunAsync_RowsOfTwoPlatforms_PendingGaugeCountsItsOwnPlatformOnly()
    {
        using var h = new DispatchHarness();
        // Distinctive counts: the meter is process-wide and other tests' engines record on it too.
        for (var i = 0; i < 7; i++)
        {
            await h.Store.Outbox.TryAddAsync(Row($"t{i}", Platform.Telegram), CancellationToken.None);
        }

        for (var i = 0; i < 4; i++)
        {
            await h.Store.Outbox.TryAddAsync(Row($"d{i}", Platform.Discord), CancellationToken.None);
        }

        using var pending = new MetricCollector<long>(ReleaseBotMetrics.DeliveriesPending);
        using var stop = new CancellationTokenSource();
        var run = h.NewEngine().RunAsync(stop.Token);

        var recorded = await Wait.ForAsync(() => pending.GetMeasurementSnapshot().Any(IsTelegramSeven));
        await stop.CancelAsync();
        await run;

        Assert.True(recorded, "pending gauge: " + string.Join(", ", pending.GetMeasurementSnapshot().Select(m => $"{m.Value} {string.Join(',', m.Tags)}")));
    }

    private static bool IsTelegramSeven(CollectedMeasurement<long> m) =>
        m.Value == 7 && m.Tags.TryGetValue("platform", out var platform) && Equals(platform, "telegram");

    /// <summary>A pending row not due for an hour, so the engine leaves it alone and only counts it.</summary>
    private static Delivery Row(string id, Platform platform) => new()
    {
        Id = Delivery.KeyFor("sub-" + id, "event-" + id),
        SubscriptionId = "sub-" + id,
        Platform = platform,
        Event = new BotEvent { Id = "event-" + id, Kind = EventKind.ReleaseDetected, OccurredAt = TestData.Start, ReleaseId = "hf:" + id },
        State = DeliveryState.Pending,
        CreatedAt = TestData.Start,
        NextAttemptAt = TestData.Start.AddHours(1),
    };
}
