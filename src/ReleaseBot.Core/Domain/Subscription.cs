using System.Globalization;

namespace ReleaseBot.Core.Domain;

/// <summary>A chat that receives announcements and/or digests.</summary>
public sealed record Subscription
{
    /// <summary>Stable id; survives a chat migration (the <see cref="Chat"/> changes, the id does not).</summary>
    public required string Id { get; init; }
    public required ChatAddress Chat { get; init; }
    public string? ChatTitle { get; init; }
    /// <summary>
    /// The group the chat belongs to on its platform (a Discord server id), when it has one: the subscription is paused
    /// when the bot leaves it.
    /// </summary>
    public string? Group { get; init; }
    public SubscriptionFilter Filter { get; init; } = SubscriptionFilter.All;
    public DeliveryMode Mode { get; init; } = DeliveryMode.Instant;
    /// <summary>Local time of the daily digest; a new subscription takes <c>ReleaseBot:Digest:DefaultTime</c> (see ChatSettings.Create).</summary>
    public required TimeOnly DigestTime { get; init; }
    /// <summary>IANA time zone id, e.g. <c>Asia/Shanghai</c>.</summary>
    public string TimeZone { get; init; } = "UTC";
    public Language Language { get; init; } = Language.En;
    public string? CreatedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public bool Active { get; init; } = true;
    /// <summary>Why the subscription is paused (bot kicked, chat gone …); null when active.</summary>
    public string? PausedReason { get; init; }
    public DateTimeOffset? PausedAt { get; init; }

    /// <summary>
    /// Where the subscription stands in fan-out order, oldest first: <c>{created UTC ticks}|{id}</c>, unique, compared
    /// ordinally. Readers page by "after the last position"; a fan-out records the one it reached.
    /// </summary>
    public string Position => PositionOf(Id, CreatedAt);

    public static string PositionOf(string id, DateTimeOffset createdAt) =>
        $"{createdAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}|{id}";

    public bool WantsInstant => Active && Mode is DeliveryMode.Instant or DeliveryMode.Both;
    public bool WantsDigest => Active && Mode is DeliveryMode.Digest or DeliveryMode.Both;
}
