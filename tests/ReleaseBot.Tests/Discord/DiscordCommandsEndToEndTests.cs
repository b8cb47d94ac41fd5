using ReleaseBot.Core.Domain;
using ReleaseBot.Discord.Chats;
using ReleaseBot.Discord.Commands;
using ReleaseBot.Testing.FakeDiscord;

namespace ReleaseBot.Tests.Discord;

/// <summary>Slash commands through the fake Discord gateway and REST, the real host pieces and a LiteDB file.</summary>
public sealed class DiscordCommandsEndToEndTests : IAsyncLifetime
{
    private DiscordBotRig _rig = null!;

    private FakeDiscordServer Fake => _rig.Fake;

    public async Task InitializeAsync()
    {
        _rig = await DiscordBotRig.CreateAsync();
        await _rig.StartAsync();
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task Latest_ViaGateway_EmbedAnswerWithinTheDeadline()
    {
        var (interaction, text) = await _rig.CommandAsync("latest");

        var first = Fake.State.CallbacksFor(interaction.Id)[0];
        Assert.True(first.Accepted, $"callback answered {first.Status}");
        Assert.True(first.At - interaction.DispatchedAt < TimeSpan.FromSeconds(3));
        Assert.NotEmpty(Fake.State.OriginalResponse(interaction.Id)!.Embeds);
        Assert.True(Fake.State.OriginalResponse(interaction.Id)!.MentionsNobody);
        Assert.Contains("Qwen3-Coder", text, StringComparison.Ordinal);
        Assert.False(first.Ephemeral);
    }

    [Fact]
    public async Task Latest_TypedVendorAndCount_OnlyThatVendorsReleases()
    {
        var (_, text) = await _rig.CommandAsync("latest", [FakeCommandOption.String("vendor", "qwen"), FakeCommandOption.Integer("count", 3)]);

        Assert.Contains("Qwen3-Coder", text, StringComparison.Ordinal);
        Assert.Contains("Qwen3-235B", text, StringComparison.Ordinal);
        Assert.DoesNotContain("GLM-4.5", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Autocomplete_VendorBeingTyped_AnswersVendorChoices()
    {
        var interaction = await Fake.Gateway.DispatchAutocompleteAsync(DiscordBotRig.ChannelId, "latest", [FakeCommandOption.String("vendor", "qw", focused: true)]);

        Assert.True(await DiscordHarness.WaitUntilAsync(() => Fake.State.CallbacksFor(interaction.Id).Count > 0));
        var callback = Fake.State.CallbacksFor(interaction.Id)[0];
        Assert.Equal(8, callback.Type);
        Assert.True(callback.Accepted);
        var values = callback.Data!["choices"]!.AsArray().Select(c => c!["value"]!.ToString()).ToList();
        Assert.Contains("alibaba", values);
    }

    [Fact]
    public async Task Digest_BadTime_ErrorIsEphemeral()
    {
        var (interaction, text) = await _rig.CommandAsync("digest", [FakeCommandOption.String("time", "25:99")]);

        Assert.True(Fake.State.CallbacksFor(interaction.Id)[0].Ephemeral);
        Assert.Contains("25:99", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_MemberWithManageChannels_SubscribesTheChannelWithItsServer()
    {
        var (interaction, _) = await _rig.CommandAsync("subscribe", memberPermissions: FakeDiscordPermissions.DefaultEveryone | FakeDiscordPermissions.ManageChannels);

        var subscription = await _rig.Bot.Subscriptions.FindByChatAsync(new ChatAddress(Platform.Discord, "81384788765712385"), CancellationToken.None);
        Assert.NotNull(subscription);
        Assert.Equal("81384788765712384", subscription.Group);
        Assert.True(subscription.Active);
        Assert.False(Fake.State.CallbacksFor(interaction.Id)[0].Ephemeral);
    }

    [Fact]
    public async Task Subscribe_OtherChannelPicked_SubscribesItAndPostsAFirstMessageThere()
    {
        var (_, text) = await _rig.CommandAsync(
            "subscribe",
            [FakeCommandOption.Channel("channel", DiscordBotRig.OtherChannelId)],
            FakeDiscordPermissions.DefaultEveryone | FakeDiscordPermissions.ManageChannels);

        var other = await _rig.Bot.Subscriptions.FindByChatAsync(new ChatAddress(Platform.Discord, "81384788765712386"), CancellationToken.None);
        Assert.NotNull(other);
        Assert.Null(await _rig.Bot.Subscriptions.FindByChatAsync(new ChatAddress(Platform.Discord, "81384788765712385"), CancellationToken.None));
        var welcome = Assert.Single(Fake.State.MessagesIn(DiscordBotRig.OtherChannelId));
        Assert.True(welcome.MentionsNobody);
        Assert.DoesNotContain("first post", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Subscribe_MemberWithoutManageChannels_RefusedAndNothingStored()
    {
        var (interaction, text) = await _rig.CommandAsync("subscribe", memberPermissions: FakeDiscordPermissions.DefaultEveryone);

        Assert.True(Fake.State.CallbacksFor(interaction.Id)[0].Ephemeral);
        Assert.Contains("/subscribe", text, StringComparison.Ordinal);
        Assert.Empty(await _rig.Bot.Subscriptions.GetSubscriptionsAsync(activeOnly: false, CancellationToken.None));
    }

    [Fact]
    public async Task Interaction_DeliveredTwice_AnsweredOnce()
    {
        var (first, _) = await _rig.CommandAsync("help");

        await Fake.Gateway.DispatchAsync("INTERACTION_CREATE", first.Payload.DeepClone());
        await _rig.CommandAsync("vendors");

        Assert.Single(Fake.State.CallbacksFor(first.Id));
    }

    [Fact]
    public async Task Ready_FirstStart_RegistersEveryCommandGlobally()
    {
        Assert.True(await DiscordHarness.WaitUntilAsync(() => Fake.State.GlobalCommands.Count == DiscordSlashCommands.Build().Count));
    }

    [Fact]
    public async Task Restart_SameDataFile_NothingAnsweredTwiceAndCommandsNotRegisteredAgain()
    {
        Assert.True(await DiscordHarness.WaitUntilAsync(() => CommandOverwrites() == 1));
        var (before, _) = await _rig.CommandAsync("latest");

        await _rig.RestartAsync();
        var (after, text) = await _rig.CommandAsync("help");

        Assert.Contains("/latest", text, StringComparison.Ordinal);
        Assert.Single(Fake.State.CallbacksFor(before.Id));
        Assert.Single(Fake.State.CallbacksFor(after.Id));
        Assert.Equal(1, CommandOverwrites());
    }

    [Fact]
    public async Task GuildDelete_BotRemoved_SubscriptionPausedAndSettingsSaysWhy()
    {
        await _rig.CommandAsync("subscribe");
        var chat = new ChatAddress(Platform.Discord, "81384788765712385");

        await Fake.Gateway.GuildDeleteAsync(DiscordBotRig.GuildId);
        Assert.True(await _rig.WaitForSubscriptionAsync(chat, s => s is { Active: false }));
        await Fake.Gateway.GuildCreateAsync(_rig.Guild);
        var (interaction, text) = await _rig.CommandAsync("settings");

        Assert.Contains(DiscordGuildLifecycle.RemovedFromServer, text, StringComparison.Ordinal);
        Assert.True(Fake.State.CallbacksFor(interaction.Id)[0].Ephemeral);
    }

    [Fact]
    public async Task GuildDelete_Outage_SubscriptionStaysActive()
    {
        await _rig.CommandAsync("subscribe");
        var chat = new ChatAddress(Platform.Discord, "81384788765712385");

        await Fake.Gateway.GuildDeleteAsync(DiscordBotRig.GuildId, unavailable: true);
        var (_, text) = await _rig.CommandAsync("settings");

        Assert.DoesNotContain(DiscordGuildLifecycle.RemovedFromServer, text, StringComparison.Ordinal);
        Assert.True((await _rig.Bot.Subscriptions.FindByChatAsync(chat, CancellationToken.None))!.Active);
    }

    [Fact]
    public async Task ChannelDelete_SubscribedChannel_SubscriptionRemoved()
    {
        await _rig.CommandAsync("subscribe", channelId: DiscordBotRig.OtherChannelId);
        var chat = new ChatAddress(Platform.Discord, "81384788765712386");
        Assert.NotNull(await _rig.Bot.Subscriptions.FindByChatAsync(chat, CancellationToken.None));

        await Fake.Gateway.ChannelDeleteAsync(DiscordBotRig.OtherChannelId);

        Assert.True(await _rig.WaitForSubscriptionAsync(chat, s => s is null));
    }

    private int CommandOverwrites() =>
        Fake.State.Requests.Count(r => r.Method == "PUT" && r.Path.EndsWith("/commands", StringComparison.Ordinal) && r.Status == 200);
}
