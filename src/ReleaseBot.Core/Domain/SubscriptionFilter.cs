namespace ReleaseBot.Core.Domain;

/// <summary>Which events a subscription wants. Empty lists mean "all".</summary>
public sealed record SubscriptionFilter
{
    public IReadOnlyList<string> Vendors { get; init; } = [];
    public IReadOnlyList<Modality> Modalities { get; init; } = [];
    /// <summary>Minimum total parameters; releases with unknown size pass.</summary>
    public long? MinParams { get; init; }
    public bool OfficialOnly { get; init; } = true;
    public bool RankAlerts { get; init; } = true;

    public static SubscriptionFilter All { get; } = new();
}
