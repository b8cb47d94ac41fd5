namespace ReleaseBot.Core.Seed;

/// <summary>One step of a release's status history in <c>releases.seed.json</c>.</summary>
public sealed record SeedStatusChangeDto
{
    /// <summary>A <see cref="Domain.ReleaseStatus"/> name.</summary>
    public string? Status { get; init; }
    /// <summary>When the status was true; null when the date is not recorded.</summary>
    public DateTimeOffset? On { get; init; }
}
