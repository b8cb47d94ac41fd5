namespace ReleaseBot.Core.Domain;

/// <summary>One step of a release's status history: the status, and the date it was true (null when not recorded).</summary>
public sealed record StatusChange(ReleaseStatus Status, DateTimeOffset? On);
