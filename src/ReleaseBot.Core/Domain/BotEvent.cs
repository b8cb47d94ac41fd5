namespace ReleaseBot.Core.Domain;

/// <summary>
/// Something subscribers may be told about. <see cref="Id"/> is natural and unique
/// (<c>release:hf:Qwen/X</c>, <c>rank:Qwen/X:ReachedFirst:2025-07-30</c>, <c>watch:stepfun-ai/step3*:stepfun-ai/step3</c>),
/// so planning the same event twice plans nothing new.
/// </summary>
public sealed record BotEvent
{
    public required string Id { get; init; }
    public required EventKind Kind { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    /// <summary>The release concerned (all kinds but Digest).</summary>
    public string? ReleaseId { get; init; }
    public RankMove? RankMove { get; init; }
    /// <summary>For WatchHit: the pattern that matched.</summary>
    public string? WatchPattern { get; init; }
    /// <summary>For WatchHit: the chat that set the watch (watches are per chat).</summary>
    public string? WatchSubscriptionId { get; init; }
    /// <summary>For Digest: the subscriber's local date and the detection window it covers (from, to].</summary>
    public DateOnly? DigestDate { get; init; }
    public DateTimeOffset? CoversFrom { get; init; }
    public DateTimeOffset? CoversTo { get; init; }

    public static BotEvent ReleaseDetected(Release release, DateTimeOffset at) => new()
    {
        Id = $"release:{release.Id}",
        Kind = EventKind.ReleaseDetected,
        OccurredAt = at,
        ReleaseId = release.Id,
    };

    public static BotEvent RankChanged(RankMove move) => new()
    {
        Id = $"rank:{move.RepoId}:{move.Kind}:{move.At:yyyy-MM-dd}",
        Kind = EventKind.RankChanged,
        OccurredAt = move.At,
        ReleaseId = move.RepoId.ReleaseId,
        RankMove = move,
    };

    public static BotEvent WatchHit(WatchPattern watch, Release release, DateTimeOffset at) => new()
    {
        Id = $"watch:{watch.Id}:{release.RepoId}",
        Kind = EventKind.WatchHit,
        OccurredAt = at,
        ReleaseId = release.Id,
        WatchPattern = watch.Pattern,
        WatchSubscriptionId = watch.SubscriptionId,
    };
}
