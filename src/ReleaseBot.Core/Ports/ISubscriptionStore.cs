using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Ports;

public interface ISubscriptionStore
{
    Task<Subscription?> GetSubscriptionAsync(string id, CancellationToken cancellationToken);
    Task<Subscription?> FindByChatAsync(ChatAddress chat, CancellationToken cancellationToken);
    /// <summary>Every subscription, oldest first (creation time, then id), so fan-out order is stable.</summary>
    Task<IReadOnlyList<Subscription>> GetSubscriptionsAsync(bool activeOnly, CancellationToken cancellationToken);

    /// <summary>
    /// The same subscriptions in the same order, read a page at a time: for callers that go through all of them
    /// (planning, digests) and must neither hold them all in memory nor wait for all before acting on the first;
    /// only those whose <see cref="Subscription.Position"/> is after <paramref name="after"/>, when given.
    /// </summary>
    IAsyncEnumerable<Subscription> ReadSubscriptionsAsync(bool activeOnly, string? after, CancellationToken cancellationToken);
    /// <summary>Inserts or replaces by id; the chat key is unique.</summary>
    Task UpsertSubscriptionAsync(Subscription subscription, CancellationToken cancellationToken);
    Task<bool> DeleteSubscriptionAsync(string id, CancellationToken cancellationToken);
}
