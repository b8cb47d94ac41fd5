namespace ReleaseBot.Core.Health;

/// <summary>What one component last reported: up or not, since when, and its last error (never a secret).</summary>
public sealed record ComponentHealth(
    HealthComponent Component,
    bool Up,
    DateTimeOffset ChangedAt,
    DateTimeOffset? LastSuccessAt,
    string? LastError,
    DateTimeOffset? LastErrorAt);
