namespace ReleaseBot.Core.Dispatch;

/// <summary>What one dispatch pass did: rows handed to new lanes, rows left for busy lanes.</summary>
public sealed record DispatchPass(int Started, int Waiting);
