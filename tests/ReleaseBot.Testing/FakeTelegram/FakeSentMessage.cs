namespace ReleaseBot.Testing.FakeTelegram;

/// <summary>A message the fake accepted: the HTML as sent and the text a user sees.</summary>
public sealed record FakeSentMessage(
    long ChatId,
    int MessageId,
    string Text,
    string PlainText,
    string? ParseMode,
    bool LinkPreviewDisabled,
    int? ThreadId,
    DateTimeOffset At);
