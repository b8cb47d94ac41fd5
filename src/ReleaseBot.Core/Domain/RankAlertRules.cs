namespace ReleaseBot.Core.Domain;

/// <summary>
/// What counts as a rank move, for live alerts and the digest alike. The host binds it from the
/// <c>ReleaseBot:HuggingFace</c> keys <c>EnteredTopRank</c> and <c>ClimbPlaces</c>.
/// </summary>
public sealed record RankAlertRules
{
    /// <summary>A move into places 1..N raises "entered the top N".</summary>
    public int EnteredTopRank { get; init; } = 10;

    /// <summary>A climb of at least this many places raises "climbed".</summary>
    public int ClimbPlaces { get; init; } = 10;

    public static RankAlertRules Default { get; } = new();
}
