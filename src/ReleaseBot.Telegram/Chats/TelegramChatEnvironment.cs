using System.Globalization;
using Microsoft.Extensions.Logging;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Replies;
using ReleaseBot.Telegram.Receiving;
using ReleaseBot.Telegram.Sending;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace ReleaseBot.Telegram.Chats;

/// <summary>
/// What a command from one Telegram message may ask: whether its sender administers the chat (getChatMember;
/// anonymous admins post as the group itself), whether a channel can be subscribed, and a first post there.
/// </summary>
public sealed partial class TelegramChatEnvironment(
    ITelegramBotClient bot,
    TelegramBotIdentity identity,
    TelegramSender sender,
    Message message,
    ILogger logger) : IChatEnvironment
{
    /// <summary>The user Telegram shows as the sender of an anonymous group admin's messages (@GroupAnonymousBot).</summary>
    public const long GroupAnonymousBotId = 1087968824;

    public async Task<bool> IsSenderAdminAsync(CancellationToken cancellationToken)
    {
        var chat = message.Chat;
        if (chat.Type is ChatType.Private or ChatType.Channel)
        {
            // A private chat is its user's own; only a channel's admins can post in it.
            return true;
        }

        if (message.SenderChat?.Id == chat.Id)
        {
            // Anonymous admin (from = GroupAnonymousBot, sender_chat = the group itself).
            return true;
        }

        if (message.From is not { } from || from.Id == GroupAnonymousBotId)
        {
            return false;
        }

        return await IsAdminAsync(chat.Id, from.Id, cancellationToken);
    }

    public async Task<ChannelCheck> CheckChannelAsync(string channelReference, CancellationToken cancellationToken)
    {
        var reference = channelReference.Trim();
        if (!reference.StartsWith('@') && !long.TryParse(reference, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            reference = "@" + reference;
        }

        ChatFullInfo chat;
        try
        {
            chat = await bot.GetChat(TelegramSender.ToChatId(reference), cancellationToken);
        }
        catch (ApiRequestException ex)
        {
            Log.ChannelLookupFailed(logger, ex.ErrorCode, ex.Message);
            return new ChannelCheck(ChannelCheckStatus.NotFound);
        }

        if (chat.Type is ChatType.Private)
        {
            return new ChannelCheck(ChannelCheckStatus.NotFound);
        }

        var me = await identity.GetAsync(cancellationToken);
        var botMember = await GetMemberAsync(chat.Id, me.Id, cancellationToken);
        var botCanPost = chat.Type == ChatType.Channel
            ? botMember is ChatMemberAdministrator { CanPostMessages: true } or ChatMemberOwner
            : botMember is { IsInChat: true };
        if (!botCanPost)
        {
            return new ChannelCheck(ChannelCheckStatus.BotCannotPost, ChatIdText(chat.Id), chat.Title);
        }

        if (message.From is not { } from || !await IsAdminAsync(chat.Id, from.Id, cancellationToken))
        {
            return new ChannelCheck(ChannelCheckStatus.SenderNotAdmin, ChatIdText(chat.Id), chat.Title);
        }

        return new ChannelCheck(ChannelCheckStatus.Ok, ChatIdText(chat.Id), chat.Title ?? chat.Username);
    }

    public async Task<bool> PostToChannelAsync(string chatId, Reply reply, CancellationToken cancellationToken)
    {
        var outcome = await sender.SendNowAsync(new ChatAddress(Platform.Telegram, chatId), reply, cancellationToken);
        return outcome is SendOutcome.Sent;
    }

    private async Task<bool> IsAdminAsync(long chatId, long userId, CancellationToken cancellationToken) =>
        await GetMemberAsync(chatId, userId, cancellationToken) is { Status: ChatMemberStatus.Administrator or ChatMemberStatus.Creator };

    private async Task<ChatMember?> GetMemberAsync(long chatId, long userId, CancellationToken cancellationToken)
    {
        try
        {
            return await bot.GetChatMember(chatId, userId, cancellationToken);
        }
        catch (RequestException ex)
        {
            Log.MemberLookupFailed(logger, chatId, ex.GetType().Name, (ex as ApiRequestException)?.Message ?? string.Empty);
            return null;
        }
    }

    private static string ChatIdText(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static partial class Log
    {
        [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Channel lookup failed: {ErrorCode} {Description}")]
        public static partial void ChannelLookupFailed(ILogger logger, int errorCode, string description);

        [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "getChatMember in {ChatId} failed: {Exception} {Description}")]
        public static partial void MemberLookupFailed(ILogger logger, long chatId, string exception, string description);
    }
}
