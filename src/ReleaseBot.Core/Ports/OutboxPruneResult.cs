namespace ReleaseBot.Core.Ports;

/// <summary>What one retention pass deleted: finished delivery rows, and events no row refers to any more.</summary>
public sealed record OutboxPruneResult(int Deliveries, int Events);
