using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Seed;

/// <summary>The bundled vendors, release history and trending snapshots, validated and mapped to the domain.</summary>
public sealed record SeedCatalog(IReadOnlyList<Vendor> Vendors, IReadOnlyList<Release> Releases, IReadOnlyList<RankSnapshot> Snapshots)
{
    /// <summary>Parses both files; throws <see cref="SeedFormatException"/> naming the file and every bad field.</summary>
    public static SeedCatalog Parse(SeedSource source)
    {
        var vendorFile = SeedJson.Deserialize<SeedVendorFile>(source.VendorsJson, source.VendorsName);
        var vendors = SeedVendorReader.Read(vendorFile, source.VendorsName);

        var releaseFile = SeedJson.Deserialize<SeedReleaseFile>(source.ReleasesJson, source.ReleasesName);
        var errors = new SeedErrors(source.ReleasesName);
        var releases = SeedReleaseReader.Read(releaseFile.Releases, vendors, errors);
        var snapshots = SeedSnapshotReader.Read(releaseFile.Snapshots, vendors, errors);
        errors.ThrowIfAny();
        return new SeedCatalog(vendors, releases, snapshots);
    }
}
