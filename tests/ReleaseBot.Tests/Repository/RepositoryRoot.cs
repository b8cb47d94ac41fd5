namespace ReleaseBot.Tests.Repository;

/// <summary>The checkout the tests run from: the first folder above the test binaries that holds ReleaseBot.sln.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ReleaseBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No ReleaseBot.sln above {AppContext.BaseDirectory}.");
    }
}
