using System.Globalization;
using ReleaseBot.Testing.FakeDiscord;

namespace ReleaseBot.Tests.Discord;

/// <summary>
/// Interactions of different channels answered side by side, those of one channel in order: a command held in one
/// channel holds back the next command there (which is still acknowledged within Discord's 3 seconds), not another channel.
/// </summary>
public sealed class DiscordChannelOrderEndToEndTests : IAsyncLifetime
{
    private static readonly string HeldChannel = DiscordBotRig.ChannelId.ToString(CultureInfo.InvariantCulture);
    private DiscordBotRig _rig = null!;
    private Func<GatedCommandRouter?>? _router;
    private int _heldOnce;

    public async Task InitializeAsync()
    {
        _rig = await DiscordBotRig.CreateAsync();
        _router = _rig.HoldCommands(request => request.Chat.ChatId == HeldChannel && Interlocked.Exchange(ref _heldOnce, 1) == 0);
        await _rig.StartAsync();
    }

    public async Task DisposeAsync()
    {
        _router?.Invoke()?.Release();
        await _rig.DisposeAsync();
    }

    [Fact]
    public async Task SlowCommandInOneChannel_OtherChannelAnsweredMeanwhile_SameChannelAnsweredAfterItInOrder()
    {
        var first = await _rig.Fake.Gateway.DispatchSlashCommandAsync(DiscordBotRig.ChannelId, "latest");
        Assert.True(await DiscordHarness.WaitUntilAsync(() => _heldOnce == 1));
        var second = await _rig.Fake.Gateway.DispatchSlashCommandAsync(DiscordBotRig.ChannelId, "settings");
        var other = await _rig.Fake.Gateway.DispatchSlashCommandAsync(DiscordBotRig.OtherChannelId, "latest");

        Assert.Contains("Qwen3-Coder", await _rig.AnswerOfAsync(other), StringComparison.Ordinal);
        Assert.True(await DiscordHarness.WaitUntilAsync(() =>
            _rig.Fake.State.CallbacksFor(first.Id).Count > 0 && _rig.Fake.State.CallbacksFor(second.Id).Count > 0));
        foreach (var held in new[] { first, second })
        {
            // "Thinking…" from the interaction's arrival, not from its turn: within Discord's 3 seconds though it waits.
            var deferred = Assert.Single(_rig.Fake.State.CallbacksFor(held.Id));
            Assert.Equal(5, deferred.Type);
            Assert.True(deferred.Accepted);
        }

        await Task.Delay(300);
        Assert.Null(_rig.Fake.State.OriginalResponse(second.Id)!.EditedAt);

        _router!()!.Release();
        Assert.Contains("Qwen3-Coder", await _rig.AnswerOfAsync(first), StringComparison.Ordinal);
        await _rig.AnswerOfAsync(second);
        Assert.True(_rig.Fake.State.OriginalResponse(first.Id)!.EditedAt <= _rig.Fake.State.OriginalResponse(second.Id)!.EditedAt);
    }
}
