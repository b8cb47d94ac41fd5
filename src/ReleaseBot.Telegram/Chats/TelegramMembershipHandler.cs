using System.Globalization;
using Microsoft.Extensions.Logging;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace ReleaseBot.Telegram.Chats;

/// <summary>
/// Follows the bot's standing in chats: notes channels where it became an admin that may post
/// (<c>my_chat_member</c>), pauses a chat's subscription when the bot is removed, kicked, blocked or loses
/// the right to post, and moves a subscription when a group becomes a supergroup (<c>migrate_to_chat_id</c>).
/// </summary>
public sealed partial class TelegramMembershipHandler(
    ISubscriptionStore subscriptions,
    IStateStore state,
    TimeProvider timeProvider,
    ILogger<TelegramMembershipHandler> logger)
{
    /// <summary>Key of the note kept for a channel the bot may post in; the value is its @username (or empty).</summary>
    public static string ChannelKey(long chatId) => $"telegram:channel:{chatId.ToString(CultureInfo.InvariantCulture)}";

    public async Task HandleAsync(ChatMemberUpdated update, CancellationToken cancellationToken)
    {
        var chat = update.Chat;
        var member = update.NewChatMember;
        if (chat.Type == ChatType.Channel && member is ChatMemberAdministrator { CanPostMessages: true })
        {
            await state.SetStateAsync(ChannelKey(chat.Id), chat.Username ?? string.Empty, cancellationToken);
            Log.ChannelNoted(logger, chat.Id);
            return;
        }

        var reason = member switch
        {
            { Status: ChatMemberStatus.Kicked } when chat.Type == ChatType.Private => "bot was blocked by the user",
            { Status: ChatMemberStatus.Kicked } => "bot was kicked from the chat",
            { Status: ChatMemberStatus.Left } => "bot was removed from the chat",
            _ when chat.Type == ChatType.Channel => "bot can no longer post in the channel",
            _ => null,
        };
        if (reason is not null)
        {
            await state.SetStateAsync(ChannelKey(chat.Id), string.Empty, cancellationToken);
            await PauseAsync(chat.Id, reason, cancellationToken);
        }
    }

    /// <summary>The group became a supergroup: its subscription follows to the new id.</summary>
    public async Task MigrateAsync(long fromChatId, long toChatId, CancellationToken cancellationToken)
    {
        var from = Address(fromChatId);
        var subscription = await subscriptions.FindByChatAsync(from, cancellationToken);
        if (subscription is null || await subscriptions.FindByChatAsync(Address(toChatId), cancellationToken) is not null)
        {
            return;
        }

        await subscriptions.UpsertSubscriptionAsync(subscription with { Chat = Address(toChatId) }, cancellationToken);
        Log.Migrated(logger, subscription.Id, fromChatId, toChatId);
    }

    private async Task PauseAsync(long chatId, string reason, CancellationToken cancellationToken)
    {
        var subscription = await subscriptions.FindByChatAsync(Address(chatId), cancellationToken);
        if (subscription is not { Active: true })
        {
            return;
        }

        await subscriptions.UpsertSubscriptionAsync(
            subscription with { Active = false, PausedReason = reason, PausedAt = timeProvider.GetUtcNow() },
            cancellationToken);
        Log.Paused(logger, subscription.Id, reason);
    }

    private static ChatAddress Address(long chatId) => new(Platform.Telegram, chatId.ToString(CultureInfo.InvariantCulture));

    private static partial class Log
    {
        [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "Bot may post in channel {ChatId}")]
        public static partial void ChannelNoted(ILogger logger, long chatId);

        [LoggerMessage(EventId = 4302, Level = LogLevel.Information, Message = "Subscription {SubscriptionId} paused: {Reason}")]
        public static partial void Paused(ILogger logger, string subscriptionId, string reason);

        [LoggerMessage(EventId = 4303, Level = LogLevel.Information, Message = "Subscription {SubscriptionId} moved from chat {From} to {To}")]
        public static partial void Migrated(ILogger logger, string subscriptionId, long from, long to);
    }
}
