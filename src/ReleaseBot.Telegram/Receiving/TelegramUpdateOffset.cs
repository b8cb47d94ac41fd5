using System.Globalization;
using ReleaseBot.Core.Ports;

namespace ReleaseBot.Telegram.Receiving;

/// <summary>
/// The next update_id to ask for, kept in the store and written after each update is handled, so a restart
/// neither loses nor repeats a command (at most the one being handled when the process died).
/// </summary>
public sealed class TelegramUpdateOffset(IStateStore state)
{
    public const string Key = "telegram:update-offset";

    public async Task<int> GetAsync(CancellationToken cancellationToken) =>
        int.TryParse(await state.GetStateAsync(Key, cancellationToken), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? offset
            : 0;

    public Task SetAsync(int offset, CancellationToken cancellationToken) =>
        state.SetStateAsync(Key, offset.ToString(CultureInfo.InvariantCulture), cancellationToken);
}
