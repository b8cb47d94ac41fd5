namespace ReleaseBot.Testing.FakeTelegram;

/// <summary>What sending to a chat answers (Bot API server strings, samples/telegram_error_bodies.json).</summary>
public enum FakeChatStatus
{
    Ok = 0,
    /// <summary>403 bot was blocked by the user.</summary>
    Blocked = 1,
    /// <summary>403 bot was kicked from the … chat.</summary>
    Kicked = 2,
    /// <summary>403 bot is not a member of the … chat.</summary>
    NotMember = 3,
    /// <summary>403 the group chat was deleted.</summary>
    Deleted = 4,
    /// <summary>400 group chat was upgraded to a supergroup chat, with migrate_to_chat_id.</summary>
    Migrated = 5,
}
