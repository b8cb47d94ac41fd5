using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Seed;

/// <summary>The bundled vendors, release history and trending snapshots, validated and mapped to the domain.</summary>
public sealed record SeedCatalog(IReadOnlyList<Vendor> Vendors, IReadOnlyList<Release> Releases, IReadOnlyList<RankSnapshot> Snapshots)
{
    /// <summary>Parses both files, keeping every release; throws <see cref="SeedFormatException"/> naming the file and every bad field.</summary>
    public static SeedCatalog Parse(SeedSource source) => Read(source, keepReleases: true);

    /// <summary>
    /// Validates both files like <see cref="Parse"/> but keeps no release (<see cref="Releases"/> is empty): the
    /// importer checks the whole file before writing anything, then streams the releases with <see cref="ReadReleases"/>.
    /// </summary>
    public static SeedCatalog Check(SeedSource source) => Read(source, keepReleases: false);

    /// <summary>The releases of a source that passed <see cref="Check"/>, read from the stream one at a time.</summary>
    public static IEnumerable<Release> ReadReleases(SeedSource source, IReadOnlyList<Vendor> vendors)
    {
        var errors = new SeedErrors(source.ReleasesName);
        using var stream = source.OpenReleases();
        var reader = new SeedReleaseReader(vendors, errors);
        foreach (var (index, dto) in new SeedReleaseStream(stream, source.ReleasesName).Releases())
        {
            if (reader.Read(index, dto) is { } release)
            {
                yield return release;
            }
        }

        // Only when the file changed since it was checked.
        errors.ThrowIfAny();
    }

    private static SeedCatalog Read(SeedSource source, bool keepReleases)
    {
        var vendorFile = SeedJson.Deserialize<SeedVendorFile>(source.VendorsJson, source.VendorsName);
        var vendors = SeedVendorReader.Read(vendorFile, source.VendorsName);

        var errors = new SeedErrors(source.ReleasesName);
        var releases = new List<Release>();
        using var stream = source.OpenReleases();
        var file = new SeedReleaseStream(stream, source.ReleasesName);
        var reader = new SeedReleaseReader(vendors, errors);
        foreach (var (index, dto) in file.Releases())
        {
            if (reader.Read(index, dto) is { } release && keepReleases)
            {
                releases.Add(release);
            }
        }

        if (!file.HasReleases)
        {
            errors.Add("releases", "missing");
        }

        var snapshots = SeedSnapshotReader.Read(file.Snapshots, vendors, errors);
        errors.ThrowIfAny();
        return new SeedCatalog(vendors, releases, snapshots);
    }
}
