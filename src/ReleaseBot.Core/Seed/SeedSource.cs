using System.Security.Cryptography;

namespace ReleaseBot.Core.Seed;

/// <summary>
/// The raw bytes of the two bundled files and the names used in error messages.
/// <see cref="ComputeHash"/> is what the importer compares to decide whether anything changed.
/// </summary>
public sealed record SeedSource(string VendorsName, ReadOnlyMemory<byte> VendorsJson, string ReleasesName, ReadOnlyMemory<byte> ReleasesJson)
{
    /// <summary>
    /// Bump when the mapping from file to domain changes, so existing installs re-import
    /// unchanged files with the new mapping.
    /// </summary>
    public const int MappingVersion = 1;

    public static async Task<SeedSource> ReadFilesAsync(string vendorsPath, string releasesPath, CancellationToken cancellationToken)
    {
        var vendors = await File.ReadAllBytesAsync(vendorsPath, cancellationToken);
        var releases = await File.ReadAllBytesAsync(releasesPath, cancellationToken);
        return new SeedSource(vendorsPath, vendors, releasesPath, releases);
    }

    /// <summary>Lower-case hex SHA-256 over the mapping version and the SHA-256 of each file.</summary>
    public string ComputeHash()
    {
        Span<byte> buffer = stackalloc byte[4 + (2 * SHA256.HashSizeInBytes)];
        BitConverter.TryWriteBytes(buffer[..4], MappingVersion);
        SHA256.HashData(VendorsJson.Span, buffer.Slice(4, SHA256.HashSizeInBytes));
        SHA256.HashData(ReleasesJson.Span, buffer[(4 + SHA256.HashSizeInBytes)..]);
        return Convert.ToHexStringLower(SHA256.HashData(buffer));
    }
}
