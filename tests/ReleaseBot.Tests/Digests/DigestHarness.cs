using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReleaseBot.Core.Digests;
using ReleaseBot.Core.Dispatch;
using ReleaseBot.Core.Domain;
using ReleaseBot.Testing.Hosting;

namespace ReleaseBot.Tests.Digests;

/// <summary>
/// The composed digest services (a <see cref="BotFixture"/>, not started) on a fake clock; the scheduler is built fresh
/// on demand (a restart), and <c>Store.Reopen()</c> closes and opens the data file.
/// </summary>
internal sealed class DigestHarness : IDisposable
{
    public DigestHarness(DateTimeOffset start, DigestOptions? options = null)
    {
        Time = new FakeTimeProvider(start);
        Store = BotFixture.BuildWithoutStarting(new BotFixtureOptions().WithTime(Time).WithDigest(options ?? new DigestOptions()));
    }

    /// <summary>The bot; its store ports (Subscriptions, Outbox, …) and <see cref="BotFixture.Reopen"/> (a restart).</summary>
    public BotFixture Store { get; }
    public FakeTimeProvider Time { get; }
    public DigestOptions Options => Store.Get<DigestOptions>();
    public DispatchSignal Signal => Store.Signal;

    public DigestScheduler NewScheduler() => ActivatorUtilities.CreateInstance<DigestScheduler>(Store.Services);

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
