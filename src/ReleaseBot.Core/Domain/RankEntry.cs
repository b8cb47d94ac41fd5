namespace ReleaseBot.Core.Domain;

/// <summary>
/// One place in a trending list. <see cref="RepoId"/> is null where the rank is not known.
/// <see cref="VendorId"/> and <see cref="Label"/> let a place whose exact repo is unknown still say
/// whose it was (the seed's #9: "Wan2.2 (repo not stated)", Alibaba).
/// </summary>
public sealed record RankEntry(
    int Rank,
    RepoId? RepoId,
    double? Score = null,
    string? Note = null,
    string? VendorId = null,
    string? Label = null);
