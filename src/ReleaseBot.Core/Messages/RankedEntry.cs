using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Messages;

/// <summary>One place of a trending list with its vendor resolved; <see cref="RepoId"/> and <see cref="Vendor"/> may be unknown.</summary>
public sealed record RankedEntry(int Rank, RepoId? RepoId, Vendor? Vendor, string? Note, string? Label = null)
{
    /// <summary>Known when the repo or at least its vendor is known.</summary>
    public bool IsKnown => RepoId is not null || Vendor is not null;
}
