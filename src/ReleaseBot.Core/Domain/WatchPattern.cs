namespace ReleaseBot.Core.Domain;

/// <summary>A chat's watch on repo ids, e.g. <c>stepfun-ai/step3*</c> (glob: <c>*</c> and <c>?</c>, case-insensitive).</summary>
public sealed record WatchPattern
{
    /// <summary><c>{SubscriptionId}:{pattern lower-case}</c>.</summary>
    public required string Id { get; init; }
    public required string SubscriptionId { get; init; }
    public required string Pattern { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>True when the repo id (or a former id the caller passes) matches this watch.</summary>
    public bool Matches(RepoId repoId) => WatchGlob.IsMatch(Pattern, repoId);

    public static string KeyFor(string subscriptionId, string pattern) =>
        $"{subscriptionId}:{pattern.ToLowerInvariant()}";
}
