using ReleaseBot.Core.Seed;

namespace ReleaseBot.Tests.Seed;

/// <summary>The repo's own <c>config/</c> seed files, found by walking up to the folder holding ReleaseBot.sln.</summary>
internal static class BundledSeed
{
    private static readonly Lazy<SeedCatalog> LazyCatalog = new(() => SeedCatalog.Parse(ReadAsync().GetAwaiter().GetResult()));

    public static SeedCatalog Catalog => LazyCatalog.Value;

    public static string ConfigFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ReleaseBot.sln")))
                {
                    return Path.Combine(dir.FullName, "config");
                }
            }

            throw new InvalidOperationException($"No ReleaseBot.sln above {AppContext.BaseDirectory}");
        }
    }

    public static string VendorsPath => Path.Combine(ConfigFolder, "vendors.json");

    public static string ReleasesPath => Path.Combine(ConfigFolder, "releases.seed.json");

    public static Task<SeedSource> ReadAsync() => SeedSource.ReadFilesAsync(VendorsPath, ReleasesPath, CancellationToken.None);
}
