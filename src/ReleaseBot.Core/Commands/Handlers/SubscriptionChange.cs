using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Commands.Handlers;

/// <summary>
/// What one <c>/subscribe</c> changes: each setting it names replaces that setting, every other one is kept.
/// Null means "not named". Empty lists mean all vendors / any modality; <see cref="MinParams"/> 0 removes the minimum.
/// Applying re-activates a paused subscription.
/// </summary>
public sealed record SubscriptionChange
{
    public DeliveryMode? Mode { get; init; }
    public IReadOnlyList<string>? Vendors { get; init; }
    public IReadOnlyList<Modality>? Modalities { get; init; }
    public long? MinParams { get; init; }
    public bool? OfficialOnly { get; init; }
    public bool? RankAlerts { get; init; }

    public Subscription Apply(Subscription subscription)
    {
        var filter = subscription.Filter;
        return subscription with
        {
            Mode = Mode ?? subscription.Mode,
            Filter = filter with
            {
                Vendors = Vendors ?? filter.Vendors,
                Modalities = Modalities ?? filter.Modalities,
                MinParams = MinParams is { } min ? (min == 0 ? null : min) : filter.MinParams,
                OfficialOnly = OfficialOnly ?? filter.OfficialOnly,
                RankAlerts = RankAlerts ?? filter.RankAlerts,
            },
            Active = true,
            PausedReason = null,
            PausedAt = null,
        };
    }
}
