using ReleaseBot.Core.Commands;
using ReleaseBot.Core.Replies;

namespace ReleaseBot.Tests.Discord;

/// <summary>
/// The real router, held back until <see cref="Release"/>: a command that takes longer than Discord's patience. With
/// <paramref name="holds"/>, only the commands it picks are held; the others go straight through. Installed by
/// <see cref="DiscordBotRig.HoldCommands"/>.
/// </summary>
internal sealed class GatedCommandRouter(ICommandRouter inner, Func<CommandRequest, bool>? holds = null) : ICommandRouter
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _gate.TrySetResult();

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (holds?.Invoke(request) ?? true)
        {
            await _gate.Task.WaitAsync(cancellationToken);
        }

        return await inner.HandleAsync(request, cancellationToken);
    }
}
