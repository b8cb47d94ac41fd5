using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Replies;

namespace ReleaseBot.Testing.Fakes;

/// <summary>
/// An <see cref="IEventComposer"/> whose reply names the event and the subscription
/// (<c>"{eventId} for {subscriptionId}"</c>), so tests can tell messages apart.
/// Events listed in <see cref="Gone"/> compose to null (nothing to send); events listed in
/// <see cref="Broken"/> throw (a composer bug). With <see cref="SharePerLanguage"/> it behaves like the real composer
/// for announcements: one reply per event and language (<c>"{eventId} in {language}"</c>), shared by the dispatcher.
/// </summary>
public sealed class FakeEventComposer : IEventComposer
{
    public HashSet<string> Gone { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Broken { get; } = new(StringComparer.Ordinal);

    private int _composed;

    /// <summary>Replies depend only on the event and the language, and <see cref="ShareKey"/> says so.</summary>
    public bool SharePerLanguage { get; set; }

    /// <summary>How many times <see cref="ComposeAsync"/> was called.</summary>
    public int Composed => Volatile.Read(ref _composed);

    public static string TextFor(string eventId, string subscriptionId) => $"{eventId} for {subscriptionId}";

    public static string SharedTextFor(string eventId, Language language) => $"{eventId} in {language}";

    public string? ShareKey(BotEvent botEvent, Subscription subscription) =>
        SharePerLanguage && botEvent.Kind != EventKind.Digest ? $"{botEvent.Id}|{subscription.Language}" : null;

    public Task<Reply?> ComposeAsync(BotEvent botEvent, Subscription subscription, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _composed);
        if (Broken.Contains(botEvent.Id))
        {
            throw new InvalidOperationException($"Composer broken for {botEvent.Id}");
        }

        if (Gone.Contains(botEvent.Id))
        {
            return Task.FromResult<Reply?>(null);
        }

        var text = ShareKey(botEvent, subscription) is null
            ? TextFor(botEvent.Id, subscription.Id)
            : SharedTextFor(botEvent.Id, subscription.Language);
        // Info kind: rendered, the reply reads exactly as its label (the dispatcher never reads the kind).
        return Task.FromResult<Reply?>(Reply.Text(text));
    }
}
