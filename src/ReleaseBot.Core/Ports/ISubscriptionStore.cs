using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Ports;

public interface ISubscriptionStore
{
    Task<Subscription?> GetSubscriptionAsync(string id, CancellationToken cancellationToken);
    Task<Subscription?> FindByChatAsync(ChatAddress chat, CancellationToken cancellationToken);
    Task<IReadOnlyList<Subscription>> GetSubscriptionsAsync(bool activeOnly, CancellationToken cancellationToken);
    /// <summary>Inserts or replaces by id; the chat key is unique.</summary>
    Task UpsertSubscriptionAsync(Subscription subscription, CancellationToken cancellationToken);
    Task<bool> DeleteSubscriptionAsync(string id, CancellationToken cancellationToken);
}
