using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace ReleaseBot.Core.Seed;

/// <summary>
/// The two bundled files and the names used in error messages: both in memory (<see cref="ReadFilesAsync"/>, tests),
/// or the release file streamed from disk (<see cref="OpenFilesAsync"/>, the bot). <see cref="ComputeHash"/> is what
/// the importer compares to decide whether anything changed.
/// </summary>
public sealed record SeedSource(string VendorsName, ReadOnlyMemory<byte> VendorsJson, string ReleasesName, ReadOnlyMemory<byte> ReleasesJson)
{
    /// <summary>
    /// Bump when the mapping from file to domain changes, so existing installs re-import
    /// unchanged files with the new mapping.
    /// </summary>
    public const int MappingVersion = 1;

    /// <summary>Set by <see cref="OpenFilesAsync"/>: the release file is read from here and <see cref="ReleasesJson"/> is empty.</summary>
    public string? ReleasesPath { get; private init; }

    public static async Task<SeedSource> ReadFilesAsync(string vendorsPath, string releasesPath, CancellationToken cancellationToken)
    {
        var vendors = await File.ReadAllBytesAsync(vendorsPath, cancellationToken);
        var releases = await File.ReadAllBytesAsync(releasesPath, cancellationToken);
        return new SeedSource(vendorsPath, vendors, releasesPath, releases);
    }

    /// <summary>Reads the (small) vendor file; the release history is streamed from disk whenever it is read.</summary>
    public static async Task<SeedSource> OpenFilesAsync(string vendorsPath, string releasesPath, CancellationToken cancellationToken)
    {
        var vendors = await File.ReadAllBytesAsync(vendorsPath, cancellationToken);
        return new SeedSource(vendorsPath, vendors, releasesPath, ReadOnlyMemory<byte>.Empty) { ReleasesPath = releasesPath };
    }

    /// <summary>A fresh stream over the release file, from its start.</summary>
    public Stream OpenReleases()
    {
        if (ReleasesPath is { } path)
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        }

        return MemoryMarshal.TryGetArray(ReleasesJson, out var bytes)
            ? new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false)
            : new MemoryStream(ReleasesJson.ToArray(), writable: false);
    }

    /// <summary>Lower-case hex SHA-256 over the mapping version and the SHA-256 of each file.</summary>
    public string ComputeHash()
    {
        Span<byte> buffer = stackalloc byte[4 + (2 * SHA256.HashSizeInBytes)];
        BitConverter.TryWriteBytes(buffer[..4], MappingVersion);
        SHA256.HashData(VendorsJson.Span, buffer.Slice(4, SHA256.HashSizeInBytes));
        using (var releases = OpenReleases())
        {
            SHA256.HashData(releases, buffer[(4 + SHA256.HashSizeInBytes)..]);
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer));
    }
}
