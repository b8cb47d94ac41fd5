using LiteDB;
using ReleaseBot.Core.Ports;

namespace ReleaseBot.LiteDb;

public sealed class LiteDbStateStore(StoreDatabase store) : IStateStore
{
    private readonly ILiteCollection<BsonDocument> _state = store.Collection(Collections.State);

    public Task<string?> GetStateAsync(string key, CancellationToken cancellationToken)
    {
        var doc = _state.FindById(key);
        return Task.FromResult(doc is null ? null : doc["Value"].AsString);
    }

    public Task SetStateAsync(string key, string value, CancellationToken cancellationToken)
    {
        if (key == StoreMigrations.VersionKey)
        {
            throw new ArgumentException($"'{key}' is reserved for the store's schema version.", nameof(key));
        }
        _state.Upsert(new BsonDocument { ["_id"] = key, ["Value"] = value });
        return Task.CompletedTask;
    }
}
