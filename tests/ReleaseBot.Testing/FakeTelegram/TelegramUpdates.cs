using System.Text.Json.Nodes;

namespace ReleaseBot.Testing.FakeTelegram;

/// <summary>Update payloads shaped like the real captures in reference/samples (update_id is set on enqueue).</summary>
public static class TelegramUpdates
{
    /// <summary>Telegram's GroupAnonymousBot: the <c>from</c> of messages by anonymous group admins.</summary>
    public const long GroupAnonymousBotId = 1087968824;

    private static int _messageId = 100;

    public static JsonObject PrivateCommand(long userId, string text, string languageCode = "en") => new()
    {
        ["message"] = Message(new JsonObject { ["id"] = userId, ["type"] = "private", ["first_name"] = "User" }, User(userId, languageCode), text),
    };

    public static JsonObject GroupCommand(long chatId, long userId, string text, string type = "supergroup", string title = "Group") => new()
    {
        ["message"] = Message(new JsonObject { ["id"] = chatId, ["type"] = type, ["title"] = title }, User(userId, "en"), text),
    };

    /// <summary>A command by an anonymous group admin: <c>from</c> is GroupAnonymousBot, <c>sender_chat</c> the group.</summary>
    public static JsonObject AnonymousAdminCommand(long chatId, string text, string title = "Group")
    {
        var chat = new JsonObject { ["id"] = chatId, ["type"] = "supergroup", ["title"] = title };
        var message = Message(chat, new JsonObject { ["id"] = GroupAnonymousBotId, ["is_bot"] = true, ["first_name"] = "Group", ["username"] = "GroupAnonymousBot" }, text);
        message["sender_chat"] = chat.DeepClone();
        return new JsonObject { ["message"] = message };
    }

    /// <summary>A command typed in a channel: <c>channel_post</c> with <c>sender_chat</c> and no <c>from</c>.</summary>
    public static JsonObject ChannelPost(long chatId, string text, string title = "Channel")
    {
        var chat = new JsonObject { ["id"] = chatId, ["type"] = "channel", ["title"] = title };
        var message = Message(chat, from: null, text);
        message["sender_chat"] = chat.DeepClone();
        return new JsonObject { ["channel_post"] = message };
    }

    /// <summary>The bot's status in a chat changed (added as admin, removed, kicked, blocked).</summary>
    public static JsonObject MyChatMember(
        long chatId, string chatType, long byUserId, long botId, string oldStatus, string newStatus,
        bool canPostMessages = true, string? username = null, string title = "Channel")
    {
        var chat = new JsonObject { ["id"] = chatId, ["type"] = chatType, ["title"] = title };
        if (username is not null)
        {
            chat["username"] = username;
        }

        return new JsonObject
        {
            ["my_chat_member"] = new JsonObject
            {
                ["chat"] = chat,
                ["from"] = User(byUserId, "en"),
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["old_chat_member"] = Member(botId, oldStatus, canPostMessages),
                ["new_chat_member"] = Member(botId, newStatus, canPostMessages),
            },
        };
    }

    /// <summary>The service message a group receives when it becomes a supergroup.</summary>
    public static JsonObject GroupMigrated(long oldChatId, long newChatId, long byUserId)
    {
        var message = Message(new JsonObject { ["id"] = oldChatId, ["type"] = "group", ["title"] = "Group" }, User(byUserId, "en"), text: null);
        message["migrate_to_chat_id"] = newChatId;
        return new JsonObject { ["message"] = message };
    }

    private static JsonObject Member(long botId, string status, bool canPostMessages)
    {
        var member = new JsonObject
        {
            ["user"] = new JsonObject { ["id"] = botId, ["is_bot"] = true, ["first_name"] = "ReleaseBot", ["username"] = "release_test_bot" },
            ["status"] = status,
        };
        if (status == "administrator")
        {
            member["can_be_edited"] = false;
            member["can_manage_chat"] = true;
            member["can_change_info"] = false;
            member["can_post_messages"] = canPostMessages;
            member["can_edit_messages"] = false;
            member["can_delete_messages"] = false;
            member["can_invite_users"] = false;
            member["can_restrict_members"] = false;
            member["can_promote_members"] = false;
            member["can_manage_video_chats"] = false;
            member["can_post_stories"] = false;
            member["can_edit_stories"] = false;
            member["can_delete_stories"] = false;
            member["is_anonymous"] = false;
        }
        else if (status == "kicked")
        {
            member["until_date"] = 0;
        }

        return member;
    }

    private static JsonObject User(long id, string languageCode) => new()
    {
        ["id"] = id,
        ["is_bot"] = false,
        ["first_name"] = "User",
        ["language_code"] = languageCode,
    };

    private static JsonObject Message(JsonObject chat, JsonObject? from, string? text)
    {
        var message = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _messageId),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = chat,
        };
        if (from is not null)
        {
            message["from"] = from;
        }

        if (text is not null)
        {
            message["text"] = text;
            if (text.StartsWith('/'))
            {
                var length = text.IndexOf(' ') is var space and > 0 ? space : text.Length;
                message["entities"] = new JsonArray(new JsonObject { ["offset"] = 0, ["length"] = length, ["type"] = "bot_command" });
            }
        }

        return message;
    }
}
