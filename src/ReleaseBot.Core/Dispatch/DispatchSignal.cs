using System.Collections.Concurrent;
using System.Threading.Channels;
using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Dispatch;

/// <summary>
/// Wakes a platform's dispatch loop when there is new work (planned deliveries, a finished
/// chat lane), so messages go out at once instead of at the next poll. A notification that
/// arrives while nobody waits is kept (one per platform), so none is lost between polls.
/// </summary>
public sealed class DispatchSignal(TimeProvider time)
{
    private readonly ConcurrentDictionary<Platform, Channel<bool>> _channels = new();

    public void Notify(Platform platform) => ChannelFor(platform).Writer.TryWrite(true);

    /// <summary>Waits for a notification or the timeout; true when notified.</summary>
    public async Task<bool> WaitAsync(Platform platform, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var reader = ChannelFor(platform).Reader;
        if (reader.TryRead(out _))
        {
            return true;
        }

        if (timeout <= TimeSpan.Zero)
        {
            return false;
        }

        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await reader.WaitToReadAsync(linked.Token);
            return reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private Channel<bool> ChannelFor(Platform platform) =>
        _channels.GetOrAdd(platform, static _ => Channel.CreateBounded<bool>(
            new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite }));
}
