namespace ReleaseBot.Core.Domain;

/// <summary>Which caveats of recorded facts still hold once the Hub itself has shown the repo.</summary>
public static class ReleaseCaveats
{
    /// <summary>
    /// The repo was seen on the Hub, so its id is confirmed; a licence the Hub gave replaces the catalogue's.
    /// Research-only terms come from the project, not the Hub, and stay.
    /// </summary>
    public static IReadOnlyList<ReleaseCaveat> AfterHubRead(IReadOnlyList<ReleaseCaveat> caveats, bool licenceFromHub) =>
        [.. caveats.Where(c => c switch
        {
            ReleaseCaveat.RepoIdUnverified => false,
            ReleaseCaveat.LicenceFromCatalogue => !licenceFromHub,
            _ => true,
        })];
}
