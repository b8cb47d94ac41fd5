namespace ReleaseBot.Core.Ports;

/// <summary>
/// What a command may ask of the platform it came from. The adapter implements it per incoming
/// message (Telegram: getChatMember; Discord: interaction member permissions; console: always yes).
/// </summary>
public interface IChatEnvironment
{
    /// <summary>True when the sender may manage this chat's subscription.</summary>
    Task<bool> IsSenderAdminAsync(CancellationToken cancellationToken);

    /// <summary>
    /// For <c>/subscribe @channel</c> from a private chat: resolves the channel, checks that the bot
    /// can post there and the sender is its admin. Platforms without the flow answer <see cref="ChannelCheck.NotSupported"/>.
    /// </summary>
    Task<ChannelCheck> CheckChannelAsync(string channelReference, CancellationToken cancellationToken);

    /// <summary>Sends a message to another chat of the same platform right away (first post into a channel).</summary>
    Task<bool> PostToChannelAsync(string chatId, Replies.Reply reply, CancellationToken cancellationToken);
}
