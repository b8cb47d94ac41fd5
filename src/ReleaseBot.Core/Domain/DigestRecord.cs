namespace ReleaseBot.Core.Domain;

/// <summary>One digest sent (or owed) to one subscription for one local date; the key makes it once.</summary>
public sealed record DigestRecord
{
    /// <summary><c>{SubscriptionId}|{LocalDate:yyyy-MM-dd}</c>.</summary>
    public required string Id { get; init; }
    public required string SubscriptionId { get; init; }
    public required DateOnly LocalDate { get; init; }
    /// <summary>Releases detected after this instant went into the digest.</summary>
    public required DateTimeOffset CoversFrom { get; init; }
    public required DateTimeOffset CoversTo { get; init; }
    public required DateTimeOffset PlannedAt { get; init; }

    public static string KeyFor(string subscriptionId, DateOnly localDate) =>
        $"{subscriptionId}|{localDate:yyyy-MM-dd}";
}
