using System.Globalization;
using Microsoft.Extensions.Logging;
using ReleaseBot.Core.Commands;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Replies;
using ReleaseBot.Telegram.Chats;
using ReleaseBot.Telegram.Sending;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace ReleaseBot.Telegram.Receiving;

/// <summary>
/// Handles one update, from polling or a webhook alike: commands in private chats, groups and channel posts
/// go to the platform-neutral router and the reply goes back to the same chat (and forum topic);
/// membership changes and group migrations go to <see cref="TelegramMembershipHandler"/>.
/// </summary>
public sealed partial class TelegramUpdateHandler(
    ITelegramBotClient bot,
    TelegramBotIdentity identity,
    ICommandRouter router,
    TelegramSender sender,
    TelegramMembershipHandler membership,
    ILogger<TelegramUpdateHandler> logger)
{
    /// <summary>The update types the bot asks for (allowed_updates).</summary>
    public static IReadOnlyList<UpdateType> AllowedUpdates { get; } =
        [UpdateType.Message, UpdateType.ChannelPost, UpdateType.MyChatMember];

    public async Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        switch (update)
        {
            case { MyChatMember: { } changed }:
                await membership.HandleAsync(changed, cancellationToken);
                break;
            case { Message.MigrateToChatId: { } to } m:
                await membership.MigrateAsync(m.Message.Chat.Id, to, cancellationToken);
                break;
            case { Message: { } message }:
                await HandleCommandAsync(message, cancellationToken);
                break;
            case { ChannelPost: { } post }:
                await HandleCommandAsync(post, cancellationToken);
                break;
        }
    }

    private async Task HandleCommandAsync(Message message, CancellationToken cancellationToken)
    {
        var me = await identity.GetAsync(cancellationToken);
        if (TelegramCommandText.Normalize(message.Text, me.Username) is not { } text || message.From?.Id == me.Id)
        {
            return;
        }

        var chat = new ChatAddress(
            Platform.Telegram,
            message.Chat.Id.ToString(CultureInfo.InvariantCulture),
            message.IsTopicMessage && message.MessageThreadId is { } thread ? thread.ToString(CultureInfo.InvariantCulture) : null);
        using var scope = logger.BeginScope("Telegram chat {Chat}", chat.Key);
        var request = new CommandRequest
        {
            Chat = chat,
            ChatTitle = message.Chat.Title ?? message.Chat.Username ?? message.Chat.FirstName,
            IsPrivate = message.Chat.Type == ChatType.Private,
            SenderId = (message.From?.Id ?? message.SenderChat?.Id)?.ToString(CultureInfo.InvariantCulture),
            Text = text,
            ClientLanguage = message.From?.LanguageCode,
            Environment = new TelegramChatEnvironment(bot, identity, sender, message, logger),
        };

        Reply reply;
        try
        {
            reply = await router.HandleAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.CommandFailed(logger, ex, chat.Key);
            reply = Reply.Error("Something went wrong answering that command; nothing was changed.");
        }

        // Not cut short by a stop: once the answer may have reached Telegram, the update must be recorded as handled, or
        // the restart would answer it twice. The stop waits for this one send (bounded by the request timeout).
        var outcome = await sender.SendNowAsync(chat, reply, CancellationToken.None);
        Log.Answered(logger, chat.Key, outcome.GetType().Name);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4401, Level = LogLevel.Error, Message = "Command in {Chat} failed")]
        public static partial void CommandFailed(ILogger logger, Exception exception, string chat);

        [LoggerMessage(EventId = 4402, Level = LogLevel.Debug, Message = "Answered a command in {Chat}: {Outcome}")]
        public static partial void Answered(ILogger logger, string chat, string outcome);
    }
}
