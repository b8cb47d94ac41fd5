using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Replies;

namespace ReleaseBot.Bench.Scale;

/// <summary>A private chat whose sender is its admin: what a /subscribe in a one-to-one chat sees.</summary>
public sealed class BenchChatEnvironment : IChatEnvironment
{
    public Task<bool> IsSenderAdminAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    public Task<ChannelCheck> CheckChannelAsync(string channelReference, CancellationToken cancellationToken) =>
        Task.FromResult(ChannelCheck.NotSupported);

    public Task<bool> PostToChannelAsync(string chatId, Reply reply, CancellationToken cancellationToken) => Task.FromResult(true);
}
