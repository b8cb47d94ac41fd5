using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReleaseBot.Core.Dispatch;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Planning;
using ReleaseBot.Core.Ports;
using ReleaseBot.Testing.Fakes;
using ReleaseBot.Testing.Hosting;

namespace ReleaseBot.Tests.Dispatch;

/// <summary>
/// The composed delivery services (a <see cref="BotFixture"/>, not started) with a recording sender as the only
/// <see cref="IMessageSender"/>, a scripted composer and a fake clock; tests run the engine themselves.
/// </summary>
internal sealed class DispatchHarness : IDisposable
{
    public DispatchHarness(DispatchOptions? options = null)
    {
        var sender = Sender;
        var composer = Composer;
        Store = BotFixture.BuildWithoutStarting(new BotFixtureOptions()
            .WithTime(Time)
            .WithDispatch(options ?? new DispatchOptions())
            .WithServices(s => s.AddSingleton<IMessageSender>(sender))
            .WithOverrides(s => s.AddSingleton<IEventComposer>(composer)));
    }

    /// <summary>The bot; its store ports (Subscriptions, Outbox, …) and <see cref="BotFixture.Reopen"/> (a restart).</summary>
    public BotFixture Store { get; }
    /// <summary>A fake clock whose waits a test can see start (<see cref="WatchedTimeProvider.WaitForTimerAsync"/>).</summary>
    public WatchedTimeProvider Time { get; } = new(TestData.Start);
    public RecordingSender Sender { get; } = new(Platform.Telegram);
    public FakeEventComposer Composer { get; } = new();
    public DispatchOptions Options => Store.Get<DispatchOptions>();
    public DispatchSignal Signal => Store.Signal;

    /// <summary>Resolved on each use, so that a <see cref="BotFixture.Reopen"/> is picked up.</summary>
    public DeliveryPlanner Planner => Store.Planner;

    public DispatchEngine NewEngine() => Store.NewEngine(Sender);

    public async Task<Subscription> AddSubscriptionAsync(Subscription subscription)
    {
        await Store.Subscriptions.UpsertSubscriptionAsync(subscription, CancellationToken.None);
        return subscription;
    }

    /// <summary>Subscriptions s0000, s0001, … in fan-out order, accepting everything.</summary>
    public async Task AddSubscriptionsAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await AddSubscriptionAsync(TestData.Subscription($"s{i:D4}"));
        }
    }

    /// <summary>Marks the first <paramref name="count"/> due rows sent, as dispatch would.</summary>
    public async Task SendDueAsync(int count)
    {
        foreach (var row in await Store.Outbox.GetDueAsync(Platform.Telegram, Time.GetUtcNow(), count, CancellationToken.None))
        {
            await Store.Outbox.UpdateAsync(row with { State = DeliveryState.Sent, SentAt = Time.GetUtcNow() }, CancellationToken.None);
        }
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
