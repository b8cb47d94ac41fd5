namespace ReleaseBot.Core.Domain;

/// <summary>One place in a trending list. <see cref="RepoId"/> is null where the rank is not known.</summary>
public sealed record RankEntry(int Rank, string? RepoId, double? Score = null, string? Note = null);
