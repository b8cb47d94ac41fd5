using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Replies;

namespace ReleaseBot.Tests.Commands;

/// <summary>A chat whose sender is (or is not) admin, with a scripted answer for channel checks.</summary>
public sealed class FakeChatEnvironment : IChatEnvironment
{
    public bool SenderIsAdmin { get; set; } = true;
    public ChannelCheck ChannelAnswer { get; set; } = ChannelCheck.NotSupported;
    public bool PostSucceeds { get; set; } = true;
    public List<string> CheckedChannels { get; } = [];
    public List<(string ChatId, Reply Reply)> Posts { get; } = [];

    public Task<bool> IsSenderAdminAsync(CancellationToken cancellationToken) => Task.FromResult(SenderIsAdmin);

    public Task<ChannelCheck> CheckChannelAsync(string channelReference, CancellationToken cancellationToken)
    {
        CheckedChannels.Add(channelReference);
        return Task.FromResult(ChannelAnswer);
    }

    public Task<bool> PostToChannelAsync(string chatId, Reply reply, CancellationToken cancellationToken)
    {
        Posts.Add((chatId, reply));
        return Task.FromResult(PostSucceeds);
    }
}
