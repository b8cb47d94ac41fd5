namespace ReleaseBot.Core.Planning;

/// <summary>
/// Whether a subscription takes an event: every check that failed, in the order a user reads their settings
/// (empty when accepted). Logs print the checks; <c>/why</c> says them in the chat's language.
/// </summary>
public sealed record FilterDecision(IReadOnlyList<FilterCheck> Failed)
{
    public static FilterDecision Accept { get; } = new([]);

    public bool Accepted => Failed.Count == 0;

    /// <summary>The first failing check (None when accepted).</summary>
    public FilterCheck Check => Failed.Count == 0 ? FilterCheck.None : Failed[0];

    public override string ToString() => Accepted ? "accepted" : string.Join(", ", Failed);
}
