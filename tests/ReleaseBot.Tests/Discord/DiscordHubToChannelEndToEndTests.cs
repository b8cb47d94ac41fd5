using Microsoft.Extensions.DependencyInjection;
using ReleaseBot.HuggingFace.Polling;
using ReleaseBot.Testing.FakeDiscord;
using ReleaseBot.Testing.FakeHub;
using ReleaseBot.Testing.Hosting;
using ReleaseBot.Testing.Store;

namespace ReleaseBot.Tests.Discord;

/// <summary>
/// The whole Discord path in one host: a channel subscribes by slash command, a model appears on the fake Hub, and
/// exactly one announcement lands in the channel — also across a restart on the same data file.
/// </summary>
public sealed class DiscordHubToChannelEndToEndTests : IAsyncLifetime
{
    private const ulong GuildId = 81384788765712384;
    private const ulong ChannelId = 81384788765712385;
    private readonly TempDirectory _dir = new();
    private FakeHubServer _hub = null!;
    private FakeDiscordServer _discord = null!;
    private BotFixture _bot = null!;

    public async Task InitializeAsync()
    {
        _hub = await FakeHubServer.StartAsync();
        _discord = await FakeDiscordServer.StartAsync(new FakeDiscordOptions
        {
            Guilds = [FakeDiscordGuild.Create(GuildId, "Open Models", ChannelId)],
            IdentifyLimit = null,
        });
        _bot = await StartBotAsync();
        await _bot.Vendors.UpsertVendorsAsync(HubHarness.Vendors, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _discord.DisposeAsync();
        await _hub.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task NewModelOnTheHub_SubscribedChannel_OneAnnouncementAndNoneAgainAfterARestart()
    {
        await PollAsync(); // the first poll of an org is a silent baseline
        var subscribe = await _discord.Gateway.DispatchSlashCommandAsync(
            ChannelId, "subscribe", null, FakeDiscordPermissions.DefaultEveryone | FakeDiscordPermissions.ManageChannels);
        Assert.True(await DiscordHarness.WaitUntilAsync(() => _discord.State.OriginalResponse(subscribe.Id) is not null));

        _hub.Add(FakeHubSamples.Model("Qwen/Qwen3-Example-8B", "2025-08-01T00:00:00Z"));
        await PollAsync();
        Assert.True(await DiscordHarness.WaitUntilAsync(() => _discord.State.MessagesIn(ChannelId).Count == 1));

        await _bot.DisposeAsync();
        _bot = await StartBotAsync();
        _hub.Add(FakeHubSamples.Model("Qwen/Qwen3-Second-8B", "2025-08-02T00:00:00Z"));
        await PollAsync();
        // The second model's post is the event to wait for; the first one must not have come again before it.
        Assert.True(await DiscordHarness.WaitUntilAsync(() => _discord.State.MessagesIn(ChannelId).Count >= 2));

        var messages = _discord.State.MessagesIn(ChannelId);
        Assert.Equal(2, messages.Count);
        Assert.Contains("Qwen3-Example-8B", messages[0].Embeds.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Qwen3-Second-8B", messages[1].Embeds.ToJsonString(), StringComparison.Ordinal);
        Assert.All(messages, m => Assert.True(m.MentionsNobody));
        Assert.Single(_discord.State.CallbacksFor(subscribe.Id));
    }

    private async Task<BotFixture> StartBotAsync()
    {
        var identifies = _discord.Gateway.IdentifyCount;
        var bot = await BotFixture.StartAsync(new BotFixtureOptions().InFolder(_dir.Path).WithHub(_hub).WithDiscord(_discord));
        Assert.True(await DiscordHarness.WaitUntilAsync(() => _discord.Gateway.IdentifyCount > identifies && _discord.Gateway.IsLive));
        return bot;
    }

    private Task PollAsync() => _bot.Services.GetRequiredService<VendorPollCycle>().RunAsync(CancellationToken.None);
}
