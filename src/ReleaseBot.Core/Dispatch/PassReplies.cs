using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Replies;

namespace ReleaseBot.Core.Dispatch;

/// <summary>
/// The replies composed during one dispatch pass, shared between its lanes by the composer's
/// <see cref="IEventComposer.ShareKey"/>: a fan-out of one announcement to many chats reads the release, the
/// vendors and the rank snapshot once per language instead of once per chat. Lives only as long as the pass,
/// so a release edited afterwards is read afresh by the next pass.
/// </summary>
public sealed class PassReplies(IEventComposer composer)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Task<Reply?>> _shared = new(StringComparer.Ordinal);

    /// <summary>The reply for one subscription: the shared one when the composer allows, else composed for it alone.</summary>
    public Task<Reply?> ComposeAsync(BotEvent botEvent, Subscription subscription, CancellationToken cancellationToken)
    {
        if (composer.ShareKey(botEvent, subscription) is not { } key)
        {
            return composer.ComposeAsync(botEvent, subscription, cancellationToken);
        }

        lock (_gate)
        {
            if (_shared.TryGetValue(key, out var known) && !known.IsFaulted && !known.IsCanceled)
            {
                return known.WaitAsync(cancellationToken);
            }

            // A failed or cancelled compose is not kept: the next chat of the pass tries again.
            // CancellationToken.None: the shared compose must not fail for every lane when the first one is cancelled.
            var composing = composer.ComposeAsync(botEvent, subscription, CancellationToken.None);
            _shared[key] = composing;
            return composing.WaitAsync(cancellationToken);
        }
    }
}
