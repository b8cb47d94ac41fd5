using Telegram.Bot.Types;

namespace ReleaseBot.Telegram.Receiving;

/// <summary>The updates of one getUpdates that could be read, and the offset that confirms the whole batch.</summary>
public sealed record TelegramUpdateBatch(Update[] Updates, int NextOffset);
