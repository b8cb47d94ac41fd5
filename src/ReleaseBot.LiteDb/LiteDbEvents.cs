using LiteDB;
using ReleaseBot.Core.Domain;
using ReleaseBot.LiteDb.Documents;

namespace ReleaseBot.LiteDb;

/// <summary>
/// The <c>events</c> collection: an event is written once, however many delivery rows refer to it, and read back
/// once per batch of rows (a fan-out's rows share one event).
/// </summary>
internal sealed class LiteDbEvents(StoreDatabase store)
{
    private readonly ILiteCollection<BsonDocument> _events = store.Collection(Collections.Events);

    /// <summary>Inserts the event unless it is stored (events are immutable: the first version stays); true when it was new.</summary>
    public bool Ensure(BotEvent botEvent)
    {
        if (_events.FindById(botEvent.Id) is not null)
        {
            return false;
        }

        _events.Insert(EventDocument.ToDocument(botEvent));
        return true;
    }

    /// <summary>A reader that looks each event id up once.</summary>
    public Func<string, BotEvent> Reader()
    {
        var seen = new Dictionary<string, BotEvent>(StringComparer.Ordinal);
        return id =>
        {
            if (!seen.TryGetValue(id, out var botEvent))
            {
                var doc = _events.FindById(id)
                    ?? throw new InvalidDataException($"Delivery row refers to event '{id}', which is not in the store.");
                botEvent = EventDocument.FromDocument(doc);
                seen[id] = botEvent;
            }

            return botEvent;
        };
    }

    /// <summary>Ids of events that occurred before the cut-off (ids only: a few bytes each).</summary>
    public List<string> OlderThan(DateTimeOffset before) => [.. _events.Query()
        .Where(StoreQuery.Lt(EventDocument.OccurredTicks, before.UtcTicks))
        .Select(BsonExpression.Create("{ _id: $._id }"))
        .ToEnumerable()
        .Select(d => d["_id"].AsString)];

    public bool Delete(string id) => _events.Delete(id);
}
