using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ReleaseBot.Core.Dispatch;
using ReleaseBot.Core.Domain;
using ReleaseBot.Testing.Fakes;
using ReleaseBot.Testing.Store;
using ReleaseBot.Core.Planning;

namespace ReleaseBot.Tests.Dispatch;

/// <summary>A real LiteDB store, a controllable clock, a recording sender, and the delivery services over them.</summary>
internal sealed class DispatchHarness : IDisposable
{
    public DispatchHarness(DispatchOptions? options = null)
    {
        Options = options ?? new DispatchOptions();
        Signal = new DispatchSignal(Time);
    }

    public TestStore Store { get; } = TestStore.Create();
    public FakeTimeProvider Time { get; } = new(TestData.Start);
    public RecordingSender Sender { get; } = new(Platform.Telegram);
    public FakeEventComposer Composer { get; } = new();
    public DispatchOptions Options { get; }
    public DispatchSignal Signal { get; }

    /// <summary>Built on demand so that a <see cref="TestStore.Reopen"/> is picked up.</summary>
    public DeliveryPlanner Planner => new(
        Store.Subscriptions, Store.Releases, Store.Vendors, Store.Outbox, Signal, Time, NullLogger<DeliveryPlanner>.Instance);

    public DispatchEngine NewEngine() => new(
        Sender, Store.Outbox, Store.Subscriptions, Composer, Signal, Options, Time, NullLogger<DispatchEngine>.Instance);

    public async Task<Subscription> AddSubscriptionAsync(Subscription subscription)
    {
        await Store.Subscriptions.UpsertSubscriptionAsync(subscription, CancellationToken.None);
        return subscription;
    }

    public async Task<Release> AddReleaseAsync(Release release)
    {
        await Store.Releases.TryAddReleaseAsync(release, CancellationToken.None);
        return release;
    }

    public async Task<BotEvent> PublishReleaseAsync(string repoId)
    {
        var release = await AddReleaseAsync(TestData.Release(repoId));
        var botEvent = TestData.Detected(release);
        await Planner.PublishAsync(botEvent, CancellationToken.None);
        return botEvent;
    }

    public async Task<Delivery> RowAsync(string subscriptionId, string eventId) =>
        await Store.Outbox.GetAsync(Delivery.KeyFor(subscriptionId, eventId), CancellationToken.None)
        ?? throw new InvalidOperationException($"No delivery {subscriptionId}|{eventId}");

    public Task<IReadOnlyList<Delivery>> RowsAsync(string subscriptionId) =>
        Store.Outbox.GetBySubscriptionAsync(subscriptionId, CancellationToken.None);

    public void Dispose() => Store.Dispose();
}
