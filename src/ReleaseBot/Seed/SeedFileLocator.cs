namespace ReleaseBot.Seed;

/// <summary>
/// Resolves a configured seed path: absolute as is; relative first against the app's folder
/// (the build copies <c>config/*.json</c> there), then against the current directory (<c>dotnet run</c> from the repo).
/// </summary>
public static class SeedFileLocator
{
    /// <summary>The first existing candidate, or null; <paramref name="tried"/> lists every candidate for the log.</summary>
    public static string? Resolve(string path, out IReadOnlyList<string> tried)
    {
        string[] candidates = Path.IsPathRooted(path)
            ? [path]
            : [Path.GetFullPath(path, AppContext.BaseDirectory), Path.GetFullPath(path, Directory.GetCurrentDirectory())];
        tried = candidates.Distinct(StringComparer.Ordinal).ToArray();
        return tried.FirstOrDefault(File.Exists);
    }
}
