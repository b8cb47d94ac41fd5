using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ReleaseBot.Core.Digests;
using ReleaseBot.Core.Dispatch;
using ReleaseBot.Core.Domain;
using ReleaseBot.Testing.Store;
using ReleaseBot.Core.Planning;

namespace ReleaseBot.Tests.Digests;

/// <summary>A real store, a fake clock and a digest scheduler built fresh on demand (a restart).</summary>
internal sealed class DigestHarness : IDisposable
{
    public DigestHarness(DateTimeOffset start, DigestOptions? options = null)
    {
        Time = new FakeTimeProvider(start);
        Options = options ?? new DigestOptions();
        Signal = new DispatchSignal(Time);
    }

    public TestStore Store { get; } = TestStore.Create();
    public FakeTimeProvider Time { get; }
    public DigestOptions Options { get; }
    public DispatchSignal Signal { get; }

    public DigestScheduler NewScheduler() => new(
        Store.Subscriptions,
        Store.DigestLog,
        Store.Outbox,
        new DeliveryPlanner(Store.Subscriptions, Store.Releases, Store.Vendors, Store.Outbox, Signal, Time, NullLogger<DeliveryPlanner>.Instance),
        new DigestContent(Store.Releases, Store.Ranks),
        Options,
        Time,
        NullLogger<DigestScheduler>.Instance);

    public async Task<Subscription> AddDigestSubscriberAsync(
        string zone, TimeOnly at, DateTimeOffset createdAt, string id = "d", SubscriptionFilter? filter = null)
    {
        var subscription = new Subscription
        {
            Id = id,
            Chat = new ChatAddress(Platform.Telegram, $"chat-{id}"),
            Mode = DeliveryMode.Digest,
            TimeZone = zone,
            DigestTime = at,
            CreatedAt = createdAt,
            Filter = filter ?? SubscriptionFilter.All,
        };
        await Store.Subscriptions.UpsertSubscriptionAsync(subscription, CancellationToken.None);
        return subscription;
    }

    /// <summary>Ticks one scheduler every <paramref name="step"/> until <paramref name="until"/>; returns the instants a digest was planned.</summary>
    public async Task<List<DateTimeOffset>> TickUntilAsync(DateTimeOffset until, TimeSpan step)
    {
        var scheduler = NewScheduler();
        var planned = new List<DateTimeOffset>();
        while (Time.GetUtcNow() <= until)
        {
            for (var n = await scheduler.TickAsync(CancellationToken.None); n > 0; n--)
            {
                planned.Add(Time.GetUtcNow());
            }

            Time.Advance(step);
        }

        return planned;
    }

    /// <summary>The digest events planned for a subscription, oldest first.</summary>
    public async Task<List<BotEvent>> DigestsAsync(string subscriptionId = "d") =>
        [.. (await Store.Outbox.GetBySubscriptionAsync(subscriptionId, CancellationToken.None))
            .Select(d => d.Event)
            .Where(e => e.Kind == EventKind.Digest)
            .OrderBy(e => e.DigestDate)];

    public void Dispose() => Store.Dispose();
}
