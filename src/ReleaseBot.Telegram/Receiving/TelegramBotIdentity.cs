using Telegram.Bot;
using Telegram.Bot.Types;

namespace ReleaseBot.Telegram.Receiving;

/// <summary>The bot's own user (id, username), asked once with getMe and kept.</summary>
public sealed class TelegramBotIdentity(ITelegramBotClient bot)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private User? _me;

    public async Task<User> GetAsync(CancellationToken cancellationToken)
    {
        if (_me is { } me)
        {
            return me;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _me ??= await bot.GetMe(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }
}
