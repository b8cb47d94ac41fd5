using System.Xml.Linq;

namespace ReleaseBot.Tests.Repository;

/// <summary>Directory.Packages.props declares exactly the packages the projects reference: no stale versions, no strays.</summary>
public sealed class CentralPackagesTests
{
    [Fact]
    public void Declarations_EveryDeclaredPackageIsReferenced()
    {
        var referenced = Referenced().Select(r => r.Package).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var unreferenced = Declared().Where(p => !referenced.Contains(p)).ToList();

        Assert.True(unreferenced.Count == 0, $"Declared in Directory.Packages.props but referenced by no project: {string.Join(", ", unreferenced)}");
    }

    [Fact]
    public void References_EveryReferencedPackageIsDeclared()
    {
        var declared = Declared().ToHashSet(StringComparer.OrdinalIgnoreCase);

        var undeclared = Referenced().Where(r => !declared.Contains(r.Package)).Select(r => $"{r.Package} ({r.Project})").ToList();

        Assert.True(undeclared.Count == 0, $"Referenced but not declared in Directory.Packages.props: {string.Join(", ", undeclared)}");
    }

    private static IEnumerable<string> Declared() =>
        Includes(System.IO.Path.Combine(RepositoryRoot.Path, "Directory.Packages.props"), "PackageVersion");

    private static IEnumerable<(string Package, string Project)> Referenced() =>
        Directory.EnumerateFiles(RepositoryRoot.Path, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Split(System.IO.Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .SelectMany(p => Includes(p, "PackageReference").Select(package => (package, System.IO.Path.GetFileName(p))));

    private static IEnumerable<string> Includes(string file, string element) =>
        XDocument.Load(file).Descendants(element).Select(e => (string?)e.Attribute("Include")).OfType<string>();
}
