using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Replies;

namespace ReleaseBot.Testing.Fakes;

/// <summary>
/// An <see cref="IEventComposer"/> whose reply names the event and the subscription
/// (<c>"{eventId} for {subscriptionId}"</c>), so tests can tell messages apart.
/// Events listed in <see cref="Gone"/> compose to null (nothing to send); events listed in
/// <see cref="Broken"/> throw (a composer bug).
/// </summary>
public sealed class FakeEventComposer : IEventComposer
{
    public HashSet<string> Gone { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Broken { get; } = new(StringComparer.Ordinal);

    public static string TextFor(string eventId, string subscriptionId) => $"{eventId} for {subscriptionId}";

    public Task<Reply?> ComposeAsync(BotEvent botEvent, Subscription subscription, CancellationToken cancellationToken)
    {
        if (Broken.Contains(botEvent.Id))
        {
            throw new InvalidOperationException($"Composer broken for {botEvent.Id}");
        }

        if (Gone.Contains(botEvent.Id))
        {
            return Task.FromResult<Reply?>(null);
        }

        var kind = botEvent.Kind == EventKind.Digest ? ReplyKind.Digest : ReplyKind.Announcement;
        return Task.FromResult<Reply?>(Reply.Text(TextFor(botEvent.Id, subscription.Id), kind));
    }
}
