using Microsoft.Extensions.DependencyInjection;
using ReleaseBot.Discord.Receiving;
using ReleaseBot.Testing.FakeDiscord;

namespace ReleaseBot.Tests.Discord;

/// <summary>A command slower than <c>DeferAfter</c>: "thinking…" first, then the answer replaces it.</summary>
public sealed class DiscordDeferredAnswerTests : IAsyncLifetime
{
    private DiscordBotRig _rig = null!;
    private Func<GatedCommandRouter?> _router = null!;

    public async Task InitializeAsync()
    {
        _rig = await DiscordBotRig.CreateAsync();
        _router = _rig.HoldCommands();
        await _rig.StartAsync();
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task SlowCommand_DeferredThenOriginalEdited()
    {
        var interaction = await _rig.Fake.Gateway.DispatchSlashCommandAsync(DiscordBotRig.ChannelId, "latest");

        Assert.True(await DiscordHarness.WaitUntilAsync(() => _rig.Fake.State.CallbacksFor(interaction.Id).Count > 0));
        var deferred = Assert.Single(_rig.Fake.State.CallbacksFor(interaction.Id));
        Assert.Equal(5, deferred.Type);
        Assert.True(deferred.Accepted);
        _router()!.Release();
        var text = await _rig.AnswerOfAsync(interaction);

        Assert.Contains("Qwen3-Coder", text, StringComparison.Ordinal);
        Assert.NotNull(_rig.Fake.State.OriginalResponse(interaction.Id)!.EditedAt);
        Assert.Single(_rig.Fake.State.CallbacksFor(interaction.Id));
    }

    [Fact]
    public async Task SlowSettings_DeferredEphemeral()
    {
        var interaction = await _rig.Fake.Gateway.DispatchSlashCommandAsync(DiscordBotRig.ChannelId, "settings");

        Assert.True(await DiscordHarness.WaitUntilAsync(() => _rig.Fake.State.CallbacksFor(interaction.Id).Count > 0));
        _router()!.Release();
        await _rig.AnswerOfAsync(interaction);

        var deferred = Assert.Single(_rig.Fake.State.CallbacksFor(interaction.Id));
        Assert.Equal(5, deferred.Type);
        Assert.True(deferred.Ephemeral);
    }

    [Fact]
    public async Task SlowCommand_DeliveredAgainAfterRestart_AnswerNotOverwritten()
    {
        var interaction = await _rig.Fake.Gateway.DispatchSlashCommandAsync(DiscordBotRig.ChannelId, "latest");
        _router()!.Release();
        var text = await _rig.AnswerOfAsync(interaction);
        var edited = _rig.Fake.State.OriginalResponse(interaction.Id)!.EditedAt;
        await _rig.RestartAsync();

        await _rig.Fake.Gateway.DispatchAsync("INTERACTION_CREATE", interaction.Payload.DeepClone());
        Assert.True(await DiscordHarness.WaitUntilAsync(() => _rig.Fake.State.CallbacksFor(interaction.Id).Count == 2));
        _router()!.Release();
        await _rig.Bot.Services.GetRequiredService<DiscordBackgroundWork>().WhenIdleAsync();

        Assert.False(_rig.Fake.State.CallbacksFor(interaction.Id)[1].Accepted);
        Assert.Equal(text, await _rig.AnswerOfAsync(interaction));
        Assert.Equal(edited, _rig.Fake.State.OriginalResponse(interaction.Id)!.EditedAt);
    }
}
