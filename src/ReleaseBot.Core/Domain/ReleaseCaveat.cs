namespace ReleaseBot.Core.Domain;

/// <summary>A known weakness of a release's recorded facts, shown with the release so no one mistakes it for checked.</summary>
public enum ReleaseCaveat
{
    /// <summary>The licence comes from a third-party catalogue, not from the Hub's licence field.</summary>
    LicenceFromCatalogue = 0,
    /// <summary>The project's own terms (e.g. its GitHub README) allow research use only, whatever the Hub licence says.</summary>
    ResearchOnlyTerms = 1,
    /// <summary>The repo id follows the vendor's published naming but was not seen on the Hub.</summary>
    RepoIdUnverified = 2,
}
