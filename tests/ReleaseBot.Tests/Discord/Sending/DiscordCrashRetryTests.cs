using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.Discord.Sending;
using ReleaseBot.Testing.FakeDiscord;

namespace ReleaseBot.Tests.Discord.Sending;

/// <summary>A crash between Discord accepting a message and the outbox recording it: the process after it posts nothing new.</summary>
public sealed class DiscordCrashRetryTests
{
    [Fact]
    public async Task Restart_AfterSendNotRecorded_PostsTheMessageOnce()
    {
        var channel = DiscordDeliveryRig.Channels[0];
        // The first process plans the row but has no dispatcher: the send below is the one it made before it "crashed".
        await using var rig = await DiscordDeliveryRig.StartAsync(bot => bot.ConfigureHost = host => host.Services.RemoveAll<IMessageSender>());
        await rig.Bot.SubscribeAsync(channel);
        await rig.PublishAsync(DiscordDeliveryRig.Release());
        var row = Assert.Single(await rig.Bot.Outbox.GetBySubscriptionAsync(DiscordDeliveryHarness.Subscription(channel).Id, CancellationToken.None));
        var subscription = await rig.Bot.Subscriptions.GetSubscriptionAsync(row.SubscriptionId, CancellationToken.None);
        var reply = await rig.Bot.Services.GetRequiredService<IEventComposer>().ComposeAsync(row.Event, subscription!, CancellationToken.None);
        var first = await rig.Bot.Services.GetRequiredService<DiscordSender>().SendAsync(subscription!.Chat, reply!, row.Id, CancellationToken.None);
        Assert.IsType<SendOutcome.Sent>(first);
        Assert.Equal(DeliveryState.Pending, (await rig.Bot.Outbox.GetAsync(row.Id, CancellationToken.None))!.State);

        await rig.RestartAsync();

        await rig.WaitUntilSettledAsync();
        var message = Assert.Single(rig.State.MessagesIn(channel));
        var sent = await rig.Bot.Outbox.GetAsync(row.Id, CancellationToken.None);
        Assert.Equal(DeliveryState.Sent, sent!.State);
        Assert.Equal([message.Id.ToString(CultureInfo.InvariantCulture)], sent.PlatformMessageIds);
        Assert.Equal(2, rig.State.Requests.Count(r => r.Path.EndsWith("/messages", StringComparison.Ordinal)));
    }
}
