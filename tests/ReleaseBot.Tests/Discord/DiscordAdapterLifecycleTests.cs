using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Health;
using ReleaseBot.Discord.Gateway;
using ReleaseBot.Testing.FakeDiscord;
using ReleaseBot.Tests.Security;

namespace ReleaseBot.Tests.Discord;

/// <summary>The adapter inside the host: a refused session stops Discord alone, guild commands, and no token in any log line.</summary>
public sealed class DiscordAdapterLifecycleTests : IAsyncLifetime
{
    private DiscordBotRig _rig = null!;

    private FakeDiscordServer Fake => _rig.Fake;

    public async Task InitializeAsync() => _rig = await DiscordBotRig.CreateAsync();

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task Gateway_Closed4004_DiscordStopsWithOneLogLineAndHostKeepsRunning()
    {
        await _rig.StartAsync();
        Assert.True(await DiscordHarness.WaitUntilAsync(() => _rig.Bot.Services.GetRequiredService<HealthState>().Get(HealthComponent.Discord) is { Up: true }));

        await Fake.Gateway.CloseAsync(4004, "Authentication failed.");
        var service = _rig.Bot.Services.GetServices<IHostedService>().OfType<DiscordGatewayService>().Single();
        Assert.True(await DiscordHarness.WaitUntilAsync(() => service.ExecuteTask is { IsCompleted: true }));

        var loud = _rig.Logs.GetSnapshot()
            .Where(r => r.Level >= LogLevel.Warning && r.Category?.StartsWith("ReleaseBot.Discord", StringComparison.Ordinal) == true).ToList();
        var line = Assert.Single(loud);
        Assert.Contains("4004", line.Message, StringComparison.Ordinal);
        Assert.False(_rig.Bot.Lifetime.ApplicationStopping.IsCancellationRequested);
        Assert.Equal(1, Fake.Gateway.IdentifyCount);
        Assert.False(_rig.Bot.Services.GetRequiredService<HealthState>().Get(HealthComponent.Discord)!.Up);
        Assert.Empty(await _rig.Bot.Subscriptions.GetSubscriptionsAsync(activeOnly: false, CancellationToken.None));
    }

    [Fact]
    public async Task Ready_GuildIdSet_CommandsRegisteredInThatServerOnly()
    {
        _rig.Bot.Settings["ReleaseBot:Discord:GuildId"] = DiscordBotRig.GuildId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await _rig.StartAsync();

        Assert.True(await DiscordHarness.WaitUntilAsync(() => Fake.State.GuildCommands(DiscordBotRig.GuildId).Count > 0));
        Assert.Empty(Fake.State.GlobalCommands);
        await _rig.CommandAsync("help");
    }

    [Fact]
    public async Task Commands_AnsweredAndFailed_TokenInNoLogLine()
    {
        await _rig.StartAsync();
        var (help, _) = await _rig.CommandAsync("help");
        var (latest, _) = await _rig.CommandAsync("latest");
        var (refused, _) = await _rig.CommandAsync("subscribe", memberPermissions: FakeDiscordPermissions.DefaultEveryone);

        Assert.NotEmpty(_rig.Logs.GetSnapshot());
        SecretAssert.NotLogged(_rig.Logs, Fake.Token, help.Token, latest.Token, refused.Token);
    }
}
