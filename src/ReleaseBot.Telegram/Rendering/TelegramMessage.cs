namespace ReleaseBot.Telegram.Rendering;

/// <summary>One sendMessage call: HTML text within Telegram's limit, and whether link previews show.</summary>
public sealed record TelegramMessage(string Html, bool DisableLinkPreview);
