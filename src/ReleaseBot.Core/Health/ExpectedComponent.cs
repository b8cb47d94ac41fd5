namespace ReleaseBot.Core.Health;

/// <summary>
/// Registered by an adapter that is enabled, so <see cref="HealthState"/> waits for it from the start (before its first
/// report) instead of only once it has spoken.
/// </summary>
public sealed record ExpectedComponent(HealthComponent Component);
