namespace ReleaseBot.Core.Domain;

/// <summary>A model's move between two trending snapshots.</summary>
public sealed record RankMove(RepoId RepoId, RankMoveKind Kind, int? From, int To, DateTimeOffset At);
