using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;
using ReleaseBot.Core.Planning;
using ReleaseBot.Core.Ports;
using ReleaseBot.Tests.Dispatch;
using ReleaseBot.Core.Domain;
using ReleaseBot.Testing.Builders;

namespace ReleaseBot.Tests.Planning;

public sealed class DeliveryPlannerTests
{
    [Fact]
    public async Task PublishAsync_Twice_PlansNothingNew()
    {
        using var h = new DispatchHarness();
        await h.AddSubscriptionAsync(TestData.Subscription("a"));
        await h.AddSubscriptionAsync(TestData.Subscription("b"));
        var release = await h.AddReleaseAsync(TestData.Release("Qwen/Qwen3-Coder-480B-A35B-Instruct"));

        var first = await h.Planner.PublishAsync(TestData.Detected(release), CancellationToken.None);
        var second = await h.Planner.PublishAsync(TestData.Detected(release), CancellationToken.None);

        Assert.Equal(2, first);
        Assert.Equal(0, second);
        Assert.Single(await h.RowsAsync("a"));
        Assert.Single(await h.RowsAsync("b"));
        var row = await h.RowAsync("a", TestData.Detected(release).Id);
        Assert.Equal(DeliveryState.Pending, row.State);
        Assert.Equal(Platform.Telegram, row.Platform);
        Assert.Equal(TestData.Start, row.NextAttemptAt);
    }

    [Fact]
    public async Task PublishAsync_RankMoveOfRepoNotInStore_JudgedByItsOwnersVendor()
    {
        using var h = new DispatchHarness();
        await h.Store.Vendors.UpsertVendorsAsync(
            [new VendorBuilder("alibaba").WithOrgs("Qwen").Build(), new VendorBuilder("zhipu").WithOrgs("zai-org").Build()],
            CancellationToken.None);
        await h.AddSubscriptionAsync(TestData.Subscription("alibaba", new SubscriptionFilter { Vendors = ["alibaba"] }));
        await h.AddSubscriptionAsync(TestData.Subscription("zhipu", new SubscriptionFilter { Vendors = ["zhipu"] }));
        var move = BotEvent.RankChanged(new RankMove(RepoId.Parse("Qwen/Qwen2.5-7B-Instruct"), RankMoveKind.EnteredTop, 14, 9, TestData.Start));

        await h.Planner.PublishAsync(move, CancellationToken.None);

        Assert.Equal(["alibaba"], await PlannedForAsync(h, move.Id));
    }

    [Fact]
    public async Task PublishAsync_EachFilter_PlansOnlyForAcceptingSubscriptions()
    {
        using var h = new DispatchHarness();
        await h.AddSubscriptionAsync(TestData.Subscription("all"));
        await h.AddSubscriptionAsync(TestData.Subscription("deepseek", new SubscriptionFilter { Vendors = ["deepseek"] }));
        await h.AddSubscriptionAsync(TestData.Subscription("alibaba", new SubscriptionFilter { Vendors = ["alibaba"] }));
        await h.AddSubscriptionAsync(TestData.Subscription("images", new SubscriptionFilter { Modalities = [Modality.Image] }));
        await h.AddSubscriptionAsync(TestData.Subscription("big", new SubscriptionFilter { MinParams = 300_000_000_000 }));
        await h.AddSubscriptionAsync(TestData.Subscription("digest", mode: DeliveryMode.Digest));
        await h.AddSubscriptionAsync(TestData.Subscription("both", mode: DeliveryMode.Both));
        await h.AddSubscriptionAsync(TestData.Subscription("paused") with { Active = false, PausedReason = "kicked" });

        var release = await h.AddReleaseAsync(TestData.Release("Qwen/Qwen3-235B-A22B-Thinking-2507"));
        await h.Planner.PublishAsync(TestData.Detected(release), CancellationToken.None);

        Assert.Equal(["alibaba", "all", "both"], await PlannedForAsync(h, TestData.Detected(release).Id));
    }

    [Fact]
    public async Task PublishAsync_UnknownSizeAndDerivatives_FollowMinParamsAndOfficialOnly()
    {
        using var h = new DispatchHarness();
        await h.AddSubscriptionAsync(TestData.Subscription("big", new SubscriptionFilter { MinParams = 300_000_000_000 }));
        await h.AddSubscriptionAsync(TestData.Subscription("official", new SubscriptionFilter { Vendors = ["alibaba"] }));
        await h.AddSubscriptionAsync(TestData.Subscription("derivs", new SubscriptionFilter { Vendors = ["alibaba"], OfficialOnly = false }));
        var unknownSize = await h.AddReleaseAsync(TestData.Release("Qwen/Qwen-Unknown", totalParams: null));
        var quant = await h.AddReleaseAsync(TestData.Release(
            "unsloth/Qwen3-235B-GGUF", vendor: null, official: false, baseVendor: "alibaba", totalParams: null));

        await h.Planner.PublishAsync(TestData.Detected(unknownSize), CancellationToken.None);
        await h.Planner.PublishAsync(TestData.Detected(quant), CancellationToken.None);

        Assert.Equal(["big", "derivs", "official"], await PlannedForAsync(h, TestData.Detected(unknownSize).Id));
        // "big" keeps the default OfficialOnly, so the quantisation is not for it.
        Assert.Equal(["derivs"], await PlannedForAsync(h, TestData.Detected(quant).Id));
    }

    [Fact]
    public async Task PublishAsync_RankChanged_SkipsRankAlertsOffAndDigestOnly()
    {
        using var h = new DispatchHarness();
        await h.AddSubscriptionAsync(TestData.Subscription("on"));
        await h.AddSubscriptionAsync(TestData.Subscription("off", new SubscriptionFilter { RankAlerts = false }));
        await h.AddSubscriptionAsync(TestData.Subscription("digest", mode: DeliveryMode.Digest));
        var release = await h.AddReleaseAsync(TestData.Release("zai-org/GLM-4.5"));
        var move = TestData.RankEvent(release);

        await h.Planner.PublishAsync(move, CancellationToken.None);

        Assert.Equal(["on"], await PlannedForAsync(h, move.Id));
    }

    [Fact]
    public async Task PublishAsync_WatchHit_GoesOnlyToTheWatchingChat()
    {
        using var h = new DispatchHarness();
        await h.AddSubscriptionAsync(TestData.Subscription("other"));
        await h.AddSubscriptionAsync(TestData.Subscription("watcher", new SubscriptionFilter { Vendors = ["deepseek"] }));
        var release = await h.AddReleaseAsync(TestData.Release("stepfun-ai/step3", vendor: "stepfun"));
        var watch = new WatchPattern
        {
            Id = WatchPattern.KeyFor("watcher", "stepfun-ai/step3*"),
            SubscriptionId = "watcher",
            Pattern = "stepfun-ai/step3*",
            CreatedAt = TestData.Start,
        };
        var hit = BotEvent.WatchHit(watch, release, TestData.Start);

        var planned = await h.Planner.PublishAsync(hit, CancellationToken.None);

        Assert.Equal(1, planned);
        Assert.Equal(["watcher"], await PlannedForAsync(h, hit.Id));
    }

    [Fact]
    public async Task PublishAsync_NewWork_SignalsThePlatform()
    {
        using var h = new DispatchHarness();
        await h.AddSubscriptionAsync(TestData.Subscription("a"));

        await h.PublishReleaseAsync("moonshotai/Kimi-K2-Instruct");

        Assert.True(await h.Signal.WaitAsync(Platform.Telegram, TimeSpan.Zero, CancellationToken.None));
        Assert.False(await h.Signal.WaitAsync(Platform.Discord, TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task PublishAsync_ThousandSubscribers_WritesTheFirstBatchesBeforeReadingOnAndLeavesTheRestOpen()
    {
        using var h = new DispatchHarness();
        await h.AddSubscriptionsAsync(1000);
        var release = await h.AddReleaseAsync(TestData.Release("zai-org/GLM-4.5"));
        var watched = new WatchedSubscriptions(h.Store.Subscriptions, h.Store.Outbox);
        var planner = new DeliveryPlanner(
            watched, h.Store.Releases, h.Store.Vendors, h.Store.Outbox, h.Signal, TimeProvider.System, NullLogger<DeliveryPlanner>.Instance);

        var planned = await planner.PublishAsync(TestData.Detected(release), CancellationToken.None);

        // Dispatch could start on the first 50 rows while the next subscriptions were read; the publish stopped after
        // the next batch of 500, and its fan-out stays open at the last subscription it read.
        Assert.Equal(DeliveryPlanner.FirstBatch + DeliveryPlanner.Batch, planned);
        Assert.Equal(DeliveryPlanner.FirstBatch, watched.PendingWhenRead["s0050"]);
        var open = Assert.Single(await h.Store.Outbox.GetOpenFanOutsAsync(CancellationToken.None));
        Assert.Equal(TestData.Detected(release).Id, open.Event.Id);
        Assert.EndsWith("|s0549", open.After, StringComparison.Ordinal);

        // The rest goes on from there: every subscription once.
        await planner.AdvanceOpenAsync([], CancellationToken.None);
        Assert.Equal(1000, await h.Store.Outbox.CountPendingAsync(Platform.Telegram, CancellationToken.None));
        Assert.Equal(1000, (await PlannedForAsync(h, TestData.Detected(release).Id)).Count);
        Assert.Empty(await h.Store.Outbox.GetOpenFanOutsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AdvanceOpenAsync_WritesOnlyWhileDispatchIsShortOfRows()
    {
        using var h = new DispatchHarness();
        await h.AddSubscriptionsAsync(1600);
        var release = await h.AddReleaseAsync(TestData.Release("zai-org/GLM-4.5"));
        await h.Planner.PublishAsync(TestData.Detected(release), CancellationToken.None);
        var pending = () => h.Store.Outbox.CountPendingAsync(Platform.Telegram, CancellationToken.None);

        // 550 due: short of the low-water mark, so one batch more, and then dispatch has enough.
        await h.Planner.AdvanceOpenAsync([Platform.Telegram], CancellationToken.None);
        Assert.Equal(1050, await pending());
        await h.Planner.AdvanceOpenAsync([Platform.Telegram], CancellationToken.None);
        Assert.Equal(1050, await pending());
        Assert.Single(await h.Store.Outbox.GetOpenFanOutsAsync(CancellationToken.None));

        // Dispatch sends 600 of them: the rest of the fan-out is written and it closes.
        await h.SendDueAsync(600);

        await h.Planner.AdvanceOpenAsync([Platform.Telegram], CancellationToken.None);
        Assert.Equal(1000, await pending());
        Assert.Equal(1600, (await PlannedForAsync(h, TestData.Detected(release).Id)).Count);
        Assert.Empty(await h.Store.Outbox.GetOpenFanOutsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task PublishAsync_WhileAnOlderFanOutIsOpen_NeverWritesAChatsLaterRowFirst()
    {
        using var h = new DispatchHarness();
        // Every third chat follows Zhipu only: the later (Qwen) event needs more chats than the first for its 550 rows.
        for (var i = 0; i < 1600; i++)
        {
            await h.AddSubscriptionAsync(TestData.Subscription(
                $"s{i:D4}", i % 3 == 0 ? new SubscriptionFilter { Vendors = ["zhipu"] } : null));
        }

        var glm = TestData.Detected(await h.AddReleaseAsync(TestData.Release("zai-org/GLM-4.5", vendor: "zhipu")));
        var qwen = TestData.Detected(await h.AddReleaseAsync(TestData.Release("Qwen/Qwen3-Coder-480B-A35B-Instruct")));
        await h.Planner.PublishAsync(glm, CancellationToken.None);
        h.Time.Advance(TimeSpan.FromSeconds(1));

        var planned = await h.Planner.PublishAsync(qwen, CancellationToken.None);

        // The later event stops where the older fan-out stopped (its 550th chat, s0549) ...
        Assert.Equal(Enumerable.Range(0, 550).Count(i => i % 3 != 0), planned);
        Assert.Equal(
            [.. (await PlannedForAsync(h, glm.Id)).Where(id => int.Parse(id[1..], CultureInfo.InvariantCulture) % 3 != 0)],
            await PlannedForAsync(h, qwen.Id));
        // ... and once both are complete, each chat's rows are due in the order of the events.
        await h.Planner.AdvanceOpenAsync([], CancellationToken.None);
        var due = await h.Store.Outbox.GetDueAsync(Platform.Telegram, h.Time.GetUtcNow(), 5000, CancellationToken.None);
        Assert.Equal(1600 + 1066, due.Count);
        Assert.All(due.GroupBy(d => d.SubscriptionId).Where(chat => chat.Count() == 2),
            chat => Assert.Equal([glm.Id, qwen.Id], chat.Select(d => d.Event.Id)));
    }

    [Fact]
    public async Task AdvanceOpenAsync_AfterARestart_GoesOnFromThePositionCommitted()
    {
        using var h = new DispatchHarness();
        await h.AddSubscriptionsAsync(700);
        var detected = TestData.Detected(await h.AddReleaseAsync(TestData.Release("zai-org/GLM-4.5")));
        Assert.Equal(550, await h.Planner.PublishAsync(detected, CancellationToken.None));

        h.Store.Reopen();
        await h.Planner.AdvanceOpenAsync([Platform.Telegram], CancellationToken.None);

        Assert.Equal(700, (await PlannedForAsync(h, detected.Id)).Count);
        Assert.Equal(700, await h.Store.Outbox.CountPendingAsync(Platform.Telegram, CancellationToken.None));
        Assert.Empty(await h.Store.Outbox.GetOpenFanOutsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AdvanceOpenAsync_ARowOfTheEventWrittenAheadOfTheFanOut_StillEveryChatOnce()
    {
        using var h = new DispatchHarness();
        await h.AddSubscriptionsAsync(700);
        var detected = TestData.Detected(await h.AddReleaseAsync(TestData.Release("zai-org/GLM-4.5")));
        await h.Planner.PublishAsync(detected, CancellationToken.None);
        // Past the position the fan-out reached, where it writes without checking keys: it finds the key taken, and
        // writes that batch again with every key checked.
        var ahead = await h.Store.Subscriptions.GetSubscriptionAsync("s0600", CancellationToken.None);
        Assert.True(await h.Store.Outbox.TryAddAsync(new Delivery
        {
            Id = Delivery.KeyFor(ahead!.Id, detected.Id),
            SubscriptionId = ahead.Id,
            Platform = Platform.Telegram,
            Event = detected,
            CreatedAt = h.Time.GetUtcNow(),
            NextAttemptAt = h.Time.GetUtcNow(),
        }, CancellationToken.None));

        await h.Planner.AdvanceOpenAsync([], CancellationToken.None);

        Assert.Equal(700, (await PlannedForAsync(h, detected.Id)).Count);
        Assert.Equal(700, await h.Store.Outbox.CountPendingAsync(Platform.Telegram, CancellationToken.None));
        Assert.Empty(await h.Store.Outbox.GetOpenFanOutsAsync(CancellationToken.None));
    }

    /// <summary>Reads through to the store and notes how many rows were pending when each subscription was read.</summary>
    private sealed class WatchedSubscriptions(ISubscriptionStore inner, IOutbox outbox) : ISubscriptionStore
    {
        public Dictionary<string, int> PendingWhenRead { get; } = [];

        public async IAsyncEnumerable<Subscription> ReadSubscriptionsAsync(
            bool activeOnly, string? after, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var subscription in inner.ReadSubscriptionsAsync(activeOnly, after, cancellationToken))
            {
                PendingWhenRead[subscription.Id] = await outbox.CountPendingAsync(Platform.Telegram, cancellationToken);
                yield return subscription;
            }
        }

        public Task<IReadOnlyList<Subscription>> GetSubscriptionsAsync(bool activeOnly, CancellationToken cancellationToken) =>
            inner.GetSubscriptionsAsync(activeOnly, cancellationToken);
        public Task<Subscription?> GetSubscriptionAsync(string id, CancellationToken cancellationToken) => inner.GetSubscriptionAsync(id, cancellationToken);
        public Task<Subscription?> FindByChatAsync(ChatAddress chat, CancellationToken cancellationToken) => inner.FindByChatAsync(chat, cancellationToken);
        public Task UpsertSubscriptionAsync(Subscription subscription, CancellationToken cancellationToken) => inner.UpsertSubscriptionAsync(subscription, cancellationToken);
        public Task<bool> DeleteSubscriptionAsync(string id, CancellationToken cancellationToken) => inner.DeleteSubscriptionAsync(id, cancellationToken);
    }

    private static async Task<List<string>> PlannedForAsync(DispatchHarness h, string eventId)
    {
        var ids = new List<string>();
        foreach (var sub in await h.Store.Subscriptions.GetSubscriptionsAsync(activeOnly: false, CancellationToken.None))
        {
            if (await h.Store.Outbox.GetAsync(Delivery.KeyFor(sub.Id, eventId), CancellationToken.None) is not null)
            {
                ids.Add(sub.Id);
            }
        }

        ids.Sort(StringComparer.Ordinal);
        return ids;
    }
}
