using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Replies;

namespace ReleaseBot.ConsoleChat;

/// <summary>Whoever types at the console owns it; there are no channels to subscribe.</summary>
public sealed class ConsoleChatEnvironment : IChatEnvironment
{
    public static ConsoleChatEnvironment Instance { get; } = new();

    public Task<bool> IsSenderAdminAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    public Task<ChannelCheck> CheckChannelAsync(string channelReference, CancellationToken cancellationToken) =>
        Task.FromResult(ChannelCheck.NotSupported);

    public Task<bool> PostToChannelAsync(string chatId, Reply reply, CancellationToken cancellationToken) =>
        Task.FromResult(false);
}
