using LiteDB;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.LiteDb.Documents;

namespace ReleaseBot.LiteDb;

public sealed class LiteDbSubscriptionStore(StoreDatabase store) : ISubscriptionStore
{
    private readonly ILiteCollection<BsonDocument> _subscriptions = store.Collection(Collections.Subscriptions);
    private readonly ILiteCollection<BsonDocument> _deliveries = store.Collection(Collections.Deliveries);

    public Task<Subscription?> GetSubscriptionAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(Read(_subscriptions.FindById(id)));

    public Task<Subscription?> FindByChatAsync(ChatAddress chat, CancellationToken cancellationToken) =>
        Task.FromResult(Read(_subscriptions.FindOne(StoreQuery.Eq(SubscriptionDocument.ChatKey, chat.Key))));

    /// <summary>Oldest first, so fan-out order is stable.</summary>
    public Task<IReadOnlyList<Subscription>> GetSubscriptionsAsync(bool activeOnly, CancellationToken cancellationToken)
    {
        var docs = activeOnly ? _subscriptions.Find(StoreQuery.Eq("Active", true)) : _subscriptions.FindAll();
        IReadOnlyList<Subscription> result = [.. docs
            .OrderBy(d => d["CreatedTicks"].AsInt64)
            .ThenBy(d => d["_id"].AsString, StringComparer.Ordinal)
            .Select(SubscriptionDocument.FromDocument)];
        return Task.FromResult(result);
    }

    /// <exception cref="InvalidOperationException">Another subscription already has this chat.</exception>
    public Task UpsertSubscriptionAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        _subscriptions.UpsertUnique(SubscriptionDocument.ToDocument(subscription), "subscription for that chat");
        return Task.CompletedTask;
    }

    /// <summary>
    /// Deletes the subscription and, in the same transaction, its pending delivery rows: nobody is left to send them
    /// to. Finished rows stay until the retention prunes them.
    /// </summary>
    public Task<bool> DeleteSubscriptionAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(store.InTransaction(() =>
        {
            if (!_subscriptions.Delete(id))
            {
                return false;
            }

            _deliveries.DeleteMany(BsonExpression.Create("SubscriptionId = @0 AND State = @1", id, nameof(DeliveryState.Pending)));
            return true;
        }));

    private static Subscription? Read(BsonDocument? doc) => doc is null ? null : SubscriptionDocument.FromDocument(doc);
}
