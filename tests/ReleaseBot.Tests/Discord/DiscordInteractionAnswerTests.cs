using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using ReleaseBot.Core.Commands;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Replies;
using ReleaseBot.Testing.FakeDiscord;

namespace ReleaseBot.Tests.Discord;

/// <summary>How an interaction's answer reaches Discord: in DMs, for unknown commands, in several parts, and when Discord already has one.</summary>
public sealed class DiscordInteractionAnswerTests : IAsyncLifetime
{
    private DiscordBotRig _rig = null!;

    private FakeDiscordServer Fake => _rig.Fake;

    public async Task InitializeAsync() => _rig = await DiscordBotRig.CreateAsync();

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task Latest_InDirectMessage_AnsweredInTheDm()
    {
        await _rig.StartAsync();

        var interaction = await Fake.Gateway.DispatchDirectMessageCommandAsync(FakeDiscordGateway.DefaultUserId, "latest");
        var text = await _rig.AnswerOfAsync(interaction);

        Assert.Contains("Qwen3-Coder", text, StringComparison.Ordinal);
        Assert.False(Fake.State.CallbacksFor(interaction.Id)[0].Ephemeral);
    }

    [Fact]
    public async Task Subscribe_InDirectMessage_SubscribesTheDmChannelWithoutAServer()
    {
        await _rig.StartAsync();

        var interaction = await Fake.Gateway.DispatchDirectMessageCommandAsync(FakeDiscordGateway.DefaultUserId, "subscribe");
        await _rig.AnswerOfAsync(interaction);

        var chat = new ChatAddress(Platform.Discord, interaction.ChannelId.ToString(CultureInfo.InvariantCulture));
        var subscription = await _rig.Bot.Subscriptions.FindByChatAsync(chat, CancellationToken.None);
        Assert.NotNull(subscription);
        Assert.Null(subscription.Group);
    }

    [Fact]
    public async Task Subscribe_OtherChannelWhereThePostIsRefused_ReplySaysToCheckThePermissions()
    {
        await _rig.StartAsync();
        Fake.State.FailNext(DiscordBotRig.OtherChannelId, FakeDiscordFailure.MissingPermissions());

        var (_, text) = await _rig.CommandAsync(
            "subscribe",
            [FakeCommandOption.Channel("channel", DiscordBotRig.OtherChannelId)],
            FakeDiscordPermissions.DefaultEveryone | FakeDiscordPermissions.ManageChannels);

        Assert.Contains("first post to the channel failed", text, StringComparison.Ordinal);
        Assert.Empty(Fake.State.MessagesIn(DiscordBotRig.OtherChannelId));
    }

    [Fact]
    public async Task UnknownCommand_EphemeralReplyPointingToHelp()
    {
        await _rig.StartAsync();

        var (interaction, text) = await _rig.CommandAsync("frobnicate");

        Assert.True(Fake.State.CallbacksFor(interaction.Id)[0].Ephemeral);
        Assert.Contains("frobnicate", text, StringComparison.Ordinal);
        Assert.Contains("/help", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LongReply_SeveralMessages_FirstInTheCallbackTheRestAsFollowUpsInOrder()
    {
        var parts = new[] { "first", "second", "third" };
        var reply = new Reply { Lines = [.. parts.Select(p => new ReplyLine(p + " " + new string('x', 1500)))] };
        _rig.Bot.ConfigureServices = services =>
        {
            services.RemoveAll<ICommandRouter>();
            services.AddSingleton<ICommandRouter>(new FixedReplyRouter(reply));
        };
        await _rig.StartAsync();

        var (interaction, _) = await _rig.CommandAsync("latest");

        Assert.True(await DiscordHarness.WaitUntilAsync(() => Fake.State.FollowUps(interaction.Id).Count == 2));
        var messages = new[] { Fake.State.OriginalResponse(interaction.Id)! }.Concat(Fake.State.FollowUps(interaction.Id)).ToList();
        Assert.Equal(parts, messages.Select(m => m.Content!.Split(' ')[0]));
        Assert.Equal(4, Assert.Single(Fake.State.CallbacksFor(interaction.Id)).Type);
    }

    [Fact]
    public async Task Restart_AnsweredInteractionDeliveredAgain_AlreadyAcknowledgedIsDoneAndTheAnswerStays()
    {
        await _rig.StartAsync();
        var (before, text) = await _rig.CommandAsync("latest");
        await _rig.RestartAsync();

        await Fake.Gateway.DispatchAsync("INTERACTION_CREATE", before.Payload.DeepClone());

        Assert.True(await DiscordHarness.WaitUntilAsync(() => _rig.Logs.GetSnapshot().Any(r => r.Id.Id == 5726)));
        var again = Fake.State.CallbacksFor(before.Id);
        Assert.Equal([true, false], again.Select(c => c.Accepted));
        Assert.Equal(text, await _rig.AnswerOfAsync(before));
        Assert.Null(Fake.State.OriginalResponse(before.Id)!.EditedAt);
        Assert.DoesNotContain(_rig.Logs.GetSnapshot(), r => r.Level >= LogLevel.Warning && r.Category?.StartsWith("ReleaseBot.Discord", StringComparison.Ordinal) == true);
    }
}
