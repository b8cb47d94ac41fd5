using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReleaseBot.Core.Commands;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Planning;
using ReleaseBot.Core.Ports;
using ReleaseBot.Discord.Sending;
using ReleaseBot.Testing.Builders;
using ReleaseBot.Testing.FakeDiscord;
using ReleaseBot.Tests.Commands;

namespace ReleaseBot.Tests.Discord.Sending;

/// <summary>
/// Announcements and digests through the real planner, LiteDB outbox, dispatch engine and Discord sender, against a fake
/// Discord that enforces the limits and answers with Discord's errors.
/// </summary>
public sealed class DiscordDeliveryTests : IAsyncLifetime
{
    private static readonly ulong[] Channels = DiscordDeliveryRig.Channels;
    private DiscordDeliveryRig _rig = null!;

    private FakeDiscordState State => _rig.State;

    public async Task InitializeAsync()
    {
        _rig = await DiscordDeliveryRig.StartAsync();
        await _rig.Bot.SubscribeAsync(Channels[0]);
    }

    public Task DisposeAsync() => _rig.DisposeAsync().AsTask();

    [Fact]
    public async Task NewRelease_SubscribedChannel_OneEmbedThatPingsNobody()
    {
        var release = DiscordDeliveryRig.Release();

        await _rig.PublishAsync(release);

        await _rig.WaitForMessagesAsync([Channels[0]]);
        var message = Assert.Single(State.MessagesIn(Channels[0]));
        var embed = Assert.IsType<JsonObject>(Assert.Single(message.Embeds));
        Assert.Contains("Qwen3-235B-A22B-Instruct-2507", embed["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("https://huggingface.co/Qwen/Qwen3-235B-A22B-Instruct-2507", embed["url"]!.GetValue<string>());
        Assert.True(message.MentionsNobody);
        Assert.NotNull(message.Nonce);
        var row = Assert.Single(await _rig.Bot.Outbox.GetBySubscriptionAsync(Sub(Channels[0]), CancellationToken.None));
        Assert.Equal(DeliveryState.Sent, row.State);
        Assert.Equal([message.Id.ToString(CultureInfo.InvariantCulture)], row.PlatformMessageIds);
        Assert.DoesNotContain(State.Requests, r => r.Status >= 400);
    }

    [Fact]
    public async Task NewRelease_ThreadSubscription_PostsInTheThread()
    {
        await _rig.Bot.Subscriptions.UpsertSubscriptionAsync(
            DiscordDeliveryHarness.Subscription(Channels[0], DiscordDeliveryRig.ThreadId) with { Id = "sub-thread" }, CancellationToken.None);

        await _rig.PublishAsync(DiscordDeliveryRig.Release());

        await _rig.WaitForMessagesAsync([Channels[0], DiscordDeliveryRig.ThreadId]);
        Assert.Single(State.MessagesIn(DiscordDeliveryRig.ThreadId));
        Assert.Single(State.MessagesIn(Channels[0]));
    }

    [Fact]
    public async Task NewRelease_BucketGlobalAndShared429s_AreWaitedOutWithNothingLostOrRepeated()
    {
        foreach (var channel in Channels.Skip(1))
        {
            await _rig.Bot.SubscribeAsync(channel);
        }

        State.FailNext(Channels[1], DiscordDeliveryRig.TooManyRequests("user", 0.3));
        State.FailNext(Channels[2], DiscordDeliveryRig.TooManyRequests("global", 0.3));
        State.FailNext(Channels[3], FakeDiscordFailure.SharedRateLimit(0.3), times: 2);

        await _rig.PublishAsync(DiscordDeliveryRig.Release());

        await _rig.WaitForMessagesAsync(Channels);
        Assert.All(Channels, channel => Assert.Single(State.MessagesIn(channel)));
        Assert.Equal(4, State.TooManyRequestsCount);
        var rows = await _rig.Bot.Outbox.GetBySubscriptionAsync(Sub(Channels[3]), CancellationToken.None);
        // A 429 is not a failed attempt: only the accepted send counts.
        Assert.Equal(1, Assert.Single(rows).Attempts);
    }

    [Fact]
    public async Task NewRelease_UnknownChannel_RemovesTheSubscriptionAndOthersGetTheirs()
    {
        const ulong deleted = DiscordDeliveryRig.GuildId + 500;
        await _rig.Bot.SubscribeAsync(deleted);

        await _rig.PublishAsync(DiscordDeliveryRig.Release());

        await _rig.WaitForMessagesAsync([Channels[0]]);
        Assert.Null(await _rig.Bot.Subscriptions.GetSubscriptionAsync(Sub(deleted), CancellationToken.None));
        var row = Assert.Single(await _rig.Bot.Outbox.GetBySubscriptionAsync(Sub(deleted), CancellationToken.None));
        Assert.Equal(DeliveryState.Dropped, row.State);
        Assert.Contains("10003", row.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewRelease_MissingAccess_PausesTheSubscriptionAndSettingsShowTheReason()
    {
        State.FailNext(Channels[0], FakeDiscordFailure.MissingAccess());

        await _rig.PublishAsync(DiscordDeliveryRig.Release());

        await _rig.WaitUntilSettledAsync();
        var paused = await _rig.Bot.Subscriptions.GetSubscriptionAsync(Sub(Channels[0]), CancellationToken.None);
        Assert.False(paused!.Active);
        Assert.Contains("Missing Access", paused.PausedReason, StringComparison.Ordinal);
        Assert.Empty(State.MessagesIn(Channels[0]));

        var settings = await _rig.Bot.Services.GetRequiredService<ICommandRouter>().HandleAsync(new CommandRequest
        {
            Chat = DiscordDeliveryHarness.Address(Channels[0]),
            Text = "/settings",
            SenderId = "42",
            Environment = new FakeChatEnvironment(),
        }, CancellationToken.None);
        Assert.Contains(settings.Fields, f => f.Value.Contains("Missing Access", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NewRelease_ServerErrorsThenLostAnswer_BacksOffAndPostsExactlyOnce()
    {
        State.FailNext(Channels[0], FakeDiscordFailure.ServerError());
        State.FailNext(Channels[0], FakeDiscordFailure.BadGateway());
        // Discord posts the message but the answer never arrives: the retry carries the same nonce.
        State.FailNext(Channels[0], FakeDiscordFailure.LostAnswer());

        await _rig.PublishAsync(DiscordDeliveryRig.Release());

        await _rig.WaitForMessagesAsync([Channels[0]]);
        var message = Assert.Single(State.MessagesIn(Channels[0]));
        var row = Assert.Single(await _rig.Bot.Outbox.GetBySubscriptionAsync(Sub(Channels[0]), CancellationToken.None));
        Assert.Equal(DeliveryState.Sent, row.State);
        Assert.Equal(4, row.Attempts);
        Assert.Equal([message.Id.ToString(CultureInfo.InvariantCulture)], row.PlatformMessageIds);
    }

    [Fact]
    public async Task Digest_LongerThanOneMessage_ArrivesSplitInOrder()
    {
        var from = DateTimeOffset.UtcNow - TimeSpan.FromHours(2);
        var releases = Enumerable.Range(1, 40)
            .Select(i => new ReleaseBuilder($"Qwen/Qwen3-Coder-480B-A35B-Instruct-FP8-long-context-variant-{i:00}", "alibaba")
                .DetectedAt(from + TimeSpan.FromMinutes(i)).Build())
            .ToArray();
        await _rig.Bot.AddReleasesAsync(releases);
        var subscription = await _rig.Bot.Subscriptions.GetSubscriptionAsync(Sub(Channels[0]), CancellationToken.None);
        var digest = new BotEvent
        {
            Id = "digest:test",
            Kind = EventKind.Digest,
            OccurredAt = DateTimeOffset.UtcNow,
            DigestDate = DateOnly.FromDateTime(DateTime.UtcNow),
            CoversFrom = from,
            CoversTo = DateTimeOffset.UtcNow,
        };

        await _rig.Bot.Services.GetRequiredService<DeliveryPlanner>().PlanForAsync(digest, subscription!, CancellationToken.None);

        await _rig.WaitUntilSettledAsync();
        var messages = State.MessagesIn(Channels[0]);
        Assert.True(messages.Count > 1, $"the digest came as {messages.Count} message(s)");
        var text = string.Join('\n', messages.SelectMany(m => m.Embeds).Select(e => e!.ToJsonString()));
        var positions = Enumerable.Range(1, 40).Select(i => text.IndexOf($"variant-{i:00}", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
        Assert.All(messages, m => Assert.True(m.MentionsNobody));
        var row = Assert.Single(await _rig.Bot.Outbox.GetBySubscriptionAsync(Sub(Channels[0]), CancellationToken.None));
        Assert.Equal(messages.Select(m => m.Id.ToString(CultureInfo.InvariantCulture)), row.PlatformMessageIds);
    }

    [Fact]
    public async Task NewRelease_HostileModelName_PingsNobody()
    {
        var hostile = new ReleaseBuilder("Qwen/Qwen3-everyone", "alibaba").Titled("@everyone @here <@&123456789012345678> <@290483761559240704>").Build();

        await _rig.PublishAsync(hostile);

        await _rig.WaitForMessagesAsync([Channels[0]]);
        var message = Assert.Single(State.MessagesIn(Channels[0]));
        Assert.True(message.MentionsNobody);
        var json = message.Embeds.ToJsonString() + message.Content;
        Assert.DoesNotContain("@everyone", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<@&123456789012345678>", json, StringComparison.Ordinal);
    }

    private static string Sub(ulong channelId) => DiscordDeliveryHarness.Subscription(channelId).Id;
}
