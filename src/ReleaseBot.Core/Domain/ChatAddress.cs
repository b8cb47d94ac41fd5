namespace ReleaseBot.Core.Domain;

/// <summary>
/// Where a message goes: a platform, a chat (Telegram chat id or Discord channel id) and,
/// optionally, a thread (Telegram forum topic or Discord thread).
/// </summary>
public sealed record ChatAddress(Platform Platform, string ChatId, string? ThreadId = null)
{
    /// <summary>The natural unique key of the chat, e.g. <c>telegram:-1001234</c> or <c>discord:123:456</c>.</summary>
    public string Key => ThreadId is null
        ? $"{Platform.ToString().ToLowerInvariant()}:{ChatId}"
        : $"{Platform.ToString().ToLowerInvariant()}:{ChatId}:{ThreadId}";

    public override string ToString() => Key;
}
