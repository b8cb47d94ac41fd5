using Telegram.Bot.Types;

namespace ReleaseBot.Telegram.Receiving;

/// <summary>The chat an update belongs to: updates of one chat are handled in order, those of different chats side by side.</summary>
public static class TelegramUpdateKey
{
    /// <summary>The chat's id; 0 for an update without a chat (none of the allowed types), which then all go in one line.</summary>
    public static long Of(Update update) =>
        update.Message?.Chat.Id ?? update.ChannelPost?.Chat.Id ?? update.MyChatMember?.Chat.Id ?? 0;
}
