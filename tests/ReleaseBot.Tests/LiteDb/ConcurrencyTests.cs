using ReleaseBot.Core.Domain;
using ReleaseBot.Testing.Store;

namespace ReleaseBot.Tests.LiteDb;

public sealed class ConcurrencyTests : IDisposable
{
    private readonly TestStore _db = TestStore.Create();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task TryAddAsync_SameRowsFromParallelPlanners_EachRowAddedOnce()
    {
        const int rows = 40;
        var deliveries = Enumerable.Range(0, rows)
            .Select(i => StoreSamples.Delivery(new BotEvent { Id = $"e{i}", Kind = EventKind.ReleaseDetected, OccurredAt = StoreSamples.T0 }))
            .ToList();

        // Four planners race over the same rows, as two overlapping ingest ticks might.
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var added = 0;
            foreach (var delivery in deliveries)
            {
                added += await _db.Outbox.TryAddAsync(delivery, CancellationToken.None) ? 1 : 0;
            }
            return added;
        })));

        Assert.Equal(rows, results.Sum());
        Assert.Equal(rows, (await _db.Outbox.GetBySubscriptionAsync("sub-1", CancellationToken.None)).Count);
    }
}
