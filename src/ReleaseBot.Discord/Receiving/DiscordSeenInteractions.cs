namespace ReleaseBot.Discord.Receiving;

/// <summary>
/// Interaction ids already taken up, so that one delivered twice (the gateway replays events after a Resume) is answered
/// once. Kept for the 15 minutes an interaction token lives: later, Discord accepts no answer to it anyway.
/// </summary>
public sealed class DiscordSeenInteractions(TimeProvider timeProvider)
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(15);

    private readonly Dictionary<ulong, DateTimeOffset> _seen = [];
    private readonly Lock _gate = new();
    private DateTimeOffset _nextPrune;

    /// <summary>True the first time <paramref name="interactionId"/> is claimed, false for every repeat.</summary>
    public bool TryClaim(ulong interactionId)
    {
        var now = timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (now >= _nextPrune)
            {
                foreach (var old in _seen.Where(s => now - s.Value > Keep).Select(s => s.Key).ToList())
                {
                    _seen.Remove(old);
                }

                _nextPrune = now + TimeSpan.FromMinutes(1);
            }

            return _seen.TryAdd(interactionId, now);
        }
    }
}
