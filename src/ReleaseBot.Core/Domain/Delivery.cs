namespace ReleaseBot.Core.Domain;

/// <summary>One message owed to one subscription for one event: the outbox row.</summary>
public sealed record Delivery
{
    /// <summary><c>{SubscriptionId}|{EventId}</c>, unique: planning twice adds nothing.</summary>
    public required string Id { get; init; }
    public required string SubscriptionId { get; init; }
    public required Platform Platform { get; init; }
    public required BotEvent Event { get; init; }
    public DeliveryState State { get; init; }
    public int Attempts { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset NextAttemptAt { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public IReadOnlyList<string> PlatformMessageIds { get; init; } = [];
    public string? LastError { get; init; }

    public static string KeyFor(string subscriptionId, string eventId) => $"{subscriptionId}|{eventId}";
}
