using System.Collections.Concurrent;

namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>Interactions the gateway dispatched, the callbacks that answered them, their original responses and follow-ups.</summary>
public sealed partial class FakeDiscordState
{
    private readonly ConcurrentDictionary<ulong, FakeDiscordInteractionEntry> _interactions = new();
    private readonly List<FakeDiscordCallback> _callbacks = [];

    public IReadOnlyList<FakeDiscordInteraction> Interactions =>
        [.. _interactions.Values.Select(e => e.Interaction).OrderBy(i => i.DispatchedAt)];

    /// <summary>Every callback received, accepted or refused, in order.</summary>
    public IReadOnlyList<FakeDiscordCallback> Callbacks
    {
        get
        {
            lock (_gate)
            {
                return [.. _callbacks];
            }
        }
    }

    public IReadOnlyList<FakeDiscordCallback> CallbacksFor(ulong interactionId) => [.. Callbacks.Where(c => c.InteractionId == interactionId)];

    /// <summary>The interaction's visible original response: the type-4 reply, or the deferred one after its <c>@original</c> edits.</summary>
    public FakeDiscordMessage? OriginalResponse(ulong interactionId)
    {
        if (!_interactions.TryGetValue(interactionId, out var entry))
        {
            return null;
        }

        lock (entry)
        {
            return entry.Original;
        }
    }

    public IReadOnlyList<FakeDiscordMessage> FollowUps(ulong interactionId)
    {
        if (!_interactions.TryGetValue(interactionId, out var entry))
        {
            return [];
        }

        lock (entry)
        {
            return [.. entry.FollowUps];
        }
    }

    internal void AddInteraction(FakeDiscordInteraction interaction) => _interactions[interaction.Id] = new FakeDiscordInteractionEntry(interaction);

    internal FakeDiscordInteractionEntry? FindInteraction(ulong id) => _interactions.GetValueOrDefault(id);

    internal FakeDiscordInteractionEntry? FindInteraction(string token) =>
        _interactions.Values.FirstOrDefault(e => string.Equals(e.Interaction.Token, token, StringComparison.Ordinal));

    internal void RecordCallback(FakeDiscordCallback callback)
    {
        lock (_gate)
        {
            _callbacks.Add(callback);
        }

        Changed();
    }
}
