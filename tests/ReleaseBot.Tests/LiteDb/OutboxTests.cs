using ReleaseBot.Core.Domain;
using ReleaseBot.Testing.Store;

namespace ReleaseBot.Tests.LiteDb;

public sealed class OutboxTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 7, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly TestStore _db = TestStore.Create();
    private static CancellationToken Ct => CancellationToken.None;

    public void Dispose() => _db.Dispose();

    private static Delivery Row(string subscriptionId, string eventId, DateTimeOffset next, Platform platform = Platform.Telegram,
        DeliveryState state = DeliveryState.Pending) => new()
    {
        Id = Delivery.KeyFor(subscriptionId, eventId),
        SubscriptionId = subscriptionId,
        Platform = platform,
        Event = new BotEvent { Id = eventId, Kind = EventKind.ReleaseDetected, OccurredAt = Now, ReleaseId = "hf:" + eventId },
        State = state,
        CreatedAt = Now.AddMinutes(-10),
        NextAttemptAt = next,
    };

    [Fact]
    public async Task TryAddAsync_SamePlanTwice_OneRowAndSecondFalse()
    {
        var first = Row("sub-1", "release:hf:a/b", Now);

        Assert.True(await _db.Outbox.TryAddAsync(first, Ct));
        Assert.False(await _db.Outbox.TryAddAsync(first with { Attempts = 9, LastError = "x" }, Ct));

        var rows = await _db.Outbox.GetBySubscriptionAsync("sub-1", Ct);
        Assert.Single(rows);
        Assert.Equal(0, rows[0].Attempts);
    }

    [Fact]
    public async Task GetWaitBeforeAsync_EarlierRowsInBackoffOrNot_WaitsOnlyBehindThisChatsEarlierOnes()
    {
        var later = Row("sub-1", "release:hf:c/later", Now) with { CreatedAt = Now };
        await _db.Outbox.TryAddManyAsync(
        [
            Row("sub-1", "release:hf:a/sent", Now.AddMinutes(-9), state: DeliveryState.Sent),
            Row("sub-1", "release:hf:b/due", Now.AddMinutes(-1)),
            later,
        ], Ct);

        // Nothing of the platform waits in backoff (the fast path): no wait.
        Assert.Null(await _db.Outbox.GetWaitBeforeAsync("sub-1", later, Now, Ct));

        // Another chat's row and a Discord row in backoff do not hold this chat.
        await _db.Outbox.TryAddAsync(Row("sub-2", "release:hf:d/other", Now.AddMinutes(5)), Ct);
        await _db.Outbox.TryAddAsync(Row("sub-1x", "release:hf:e/discord", Now.AddMinutes(6), Platform.Discord), Ct);
        Assert.Null(await _db.Outbox.GetWaitBeforeAsync("sub-1", later, Now, Ct));

        // This chat's earlier rows in backoff do, until the latest of them.
        await _db.Outbox.TryAddAsync(Row("sub-1", "release:hf:f/backoff", Now.AddMinutes(3)), Ct);
        await _db.Outbox.TryAddAsync(Row("sub-1", "release:hf:g/backoff", Now.AddMinutes(4)), Ct);
        Assert.Equal(Now.AddMinutes(4), await _db.Outbox.GetWaitBeforeAsync("sub-1", later, Now, Ct));
        Assert.Null(await _db.Outbox.GetWaitBeforeAsync("sub-1", later, Now.AddMinutes(4), Ct));
    }

    [Fact]
    public async Task GetDueAsync_MixedRows_PendingDueOfPlatformOldestFirst()
    {
        await _db.Outbox.TryAddAsync(Row("s", "later", Now.AddTicks(1)), Ct);
        await _db.Outbox.TryAddAsync(Row("s", "exactly-now", Now.ToOffset(TimeSpan.FromHours(8))), Ct);
        await _db.Outbox.TryAddAsync(Row("s", "oldest", Now.AddHours(-2)), Ct);
        await _db.Outbox.TryAddAsync(Row("s", "older", Now.AddHours(-1).ToOffset(TimeSpan.FromHours(-9))), Ct);
        await _db.Outbox.TryAddAsync(Row("s", "discord", Now.AddHours(-3), Platform.Discord), Ct);
        await _db.Outbox.TryAddAsync(Row("s", "sent", Now.AddHours(-3), state: DeliveryState.Sent), Ct);

        var due = await _db.Outbox.GetDueAsync(Platform.Telegram, Now, 10, Ct);
        var firstTwo = await _db.Outbox.GetDueAsync(Platform.Telegram, Now, 2, Ct);

        Assert.Equal(["oldest", "older", "exactly-now"], due.Select(d => d.Event.Id));
        Assert.Equal(["oldest", "older"], firstTwo.Select(d => d.Event.Id));
        Assert.Equal(["discord"], (await _db.Outbox.GetDueAsync(Platform.Discord, Now, 10, Ct)).Select(d => d.Event.Id));
        Assert.Empty(await _db.Outbox.GetDueAsync(Platform.Console, Now, 10, Ct));
    }

    [Fact]
    public async Task UpdateAsync_SentOrRescheduled_LeavesOrMovesInDueQueue()
    {
        var a = Row("s", "a", Now.AddMinutes(-1));
        var b = Row("s", "b", Now.AddMinutes(-2));
        await _db.Outbox.TryAddAsync(a, Ct);
        await _db.Outbox.TryAddAsync(b, Ct);

        await _db.Outbox.UpdateAsync(b with { State = DeliveryState.Sent, SentAt = Now, PlatformMessageIds = ["77"] }, Ct);
        await _db.Outbox.UpdateAsync(a with { Attempts = 1, NextAttemptAt = Now.AddMinutes(5), LastError = "429" }, Ct);

        Assert.Empty(await _db.Outbox.GetDueAsync(Platform.Telegram, Now, 10, Ct));
        Assert.Equal(Now.AddMinutes(5), await _db.Outbox.GetNextDueAtAsync(Platform.Telegram, Ct));
        Assert.Equal(["77"], (await _db.Outbox.GetAsync(b.Id, Ct))?.PlatformMessageIds);
    }

    [Fact]
    public async Task GetNextDueAtAsync_PendingRows_EarliestOfPlatformOrNull()
    {
        Assert.Null(await _db.Outbox.GetNextDueAtAsync(Platform.Telegram, Ct));
        await _db.Outbox.TryAddAsync(Row("s", "x", Now.AddHours(1)), Ct);
        await _db.Outbox.TryAddAsync(Row("s", "y", Now.AddMinutes(30)), Ct);
        await _db.Outbox.TryAddAsync(Row("s", "z", Now, state: DeliveryState.Failed), Ct);
        await _db.Outbox.TryAddAsync(Row("s", "w", Now, Platform.Discord), Ct);

        Assert.Equal(Now.AddMinutes(30), await _db.Outbox.GetNextDueAtAsync(Platform.Telegram, Ct));
    }

    [Fact]
    public async Task CountByStateAsync_Rows_CountsEveryState()
    {
        await _db.Outbox.TryAddAsync(Row("s", "1", Now), Ct);
        await _db.Outbox.TryAddAsync(Row("s", "2", Now), Ct);
        await _db.Outbox.TryAddAsync(Row("s", "3", Now, state: DeliveryState.Dropped), Ct);

        var counts = await _db.Outbox.CountByStateAsync(Ct);

        Assert.Equal(2, counts[DeliveryState.Pending]);
        Assert.Equal(1, counts[DeliveryState.Dropped]);
        Assert.Equal(0, counts[DeliveryState.Sent]);
        Assert.Equal(0, counts[DeliveryState.Failed]);
    }

    [Fact]
    public async Task CountPendingAsync_MixedRows_PendingOfThatPlatformOnly()
    {
        await _db.Outbox.TryAddAsync(Row("s", "1", Now), Ct);
        await _db.Outbox.TryAddAsync(Row("s", "2", Now.AddHours(1)), Ct);
        await _db.Outbox.TryAddAsync(Row("s", "3", Now, state: DeliveryState.Sent), Ct);
        await _db.Outbox.TryAddAsync(Row("s", "4", Now, Platform.Discord), Ct);

        Assert.Equal(2, await _db.Outbox.CountPendingAsync(Platform.Telegram, Ct));
        Assert.Equal(1, await _db.Outbox.CountPendingAsync(Platform.Discord, Ct));
        Assert.Equal(0, await _db.Outbox.CountPendingAsync(Platform.Console, Ct));
    }
}
