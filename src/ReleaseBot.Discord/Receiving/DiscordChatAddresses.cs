using ReleaseBot.Core.Domain;

namespace ReleaseBot.Discord.Receiving;

/// <summary>A Discord chat is <c>discord:{channel id}</c>; a thread is <c>discord:{parent channel id}:{thread id}</c>.</summary>
public static class DiscordChatAddresses
{
    public static ChatAddress Of(InteractionPayload interaction)
    {
        var channelId = interaction.Channel?.Id is { Length: > 0 } id ? id : interaction.ChannelId ?? string.Empty;
        return interaction.Channel is { IsThread: true, ParentId: { Length: > 0 } parent }
            ? new ChatAddress(Platform.Discord, parent, channelId)
            : new ChatAddress(Platform.Discord, channelId);
    }

    /// <summary>The channel messages are posted to: the thread when there is one.</summary>
    public static string PostChannelId(ChatAddress chat) => chat.ThreadId ?? chat.ChatId;
}
