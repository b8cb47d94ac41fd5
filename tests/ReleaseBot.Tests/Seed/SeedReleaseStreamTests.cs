using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using ReleaseBot.Core.Seed;
using ReleaseBot.Testing.Store;

namespace ReleaseBot.Tests.Seed;

/// <summary>The release file is read as a stream through a 64 KB buffer: what lies across buffer ends must read the same.</summary>
public sealed class SeedReleaseStreamTests
{
    /// <summary>The builder's two releases and snapshot plus <paramref name="extra"/> generated releases (~150 bytes each) between them.</summary>
    private static SeedFileBuilder LongHistory(int extra)
    {
        var files = new SeedFileBuilder();
        var releases = files.Releases["releases"]!.AsArray();
        for (var i = 0; i < extra; i++)
        {
            releases.Add(new JsonObject
            {
                ["repoId"] = $"Qwen/Generated-{i:D5}-Instruct",
                ["publishedAt"] = "2025-01-01T00:00:00+08:00",
                ["totalParams"] = 1_000_000_000L + i,
                ["modality"] = "Text",
            });
        }

        return files;
    }

    [Fact]
    public void Parse_HistoryManyBuffersLong_ReadsEveryReleaseAndTheSnapshotsAfterIt()
    {
        var catalog = SeedCatalog.Parse(LongHistory(3000).Build());

        Assert.Equal(3002, catalog.Releases.Count);
        Assert.Equal("Qwen/Generated-02999-Instruct", catalog.Releases[^1].RepoId.ToString());
        Assert.Equal(1_000_002_999L, catalog.Releases[^1].TotalParams);
        Assert.Equal("seed:trending:2025-07-30", Assert.Single(catalog.Snapshots).Id);
    }

    [Fact]
    public void Parse_BadFieldDeepInALongFile_NamesItsIndex()
    {
        var files = LongHistory(3000);
        files.Releases["releases"]![2500]!["totalParams"] = "many";

        var e = Assert.Throws<SeedFormatException>(() => SeedCatalog.Parse(files.Build()));

        Assert.Contains("$.releases[2500].totalParams", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReleaseFileWithByteOrderMark_Works()
    {
        var files = new SeedFileBuilder().Build();
        var withBom = files with { ReleasesJson = Encoding.UTF8.GetPreamble().Concat(files.ReleasesJson.ToArray()).ToArray() };

        Assert.Equal(2, SeedCatalog.Parse(withBom).Releases.Count);
    }

    [Fact]
    public void Parse_TruncatedFile_IsRefusedNotHalfRead()
    {
        var files = LongHistory(1000).Build();
        var truncated = files with { ReleasesJson = files.ReleasesJson[..(files.ReleasesJson.Length / 2)] };

        Assert.Throws<SeedFormatException>(() => SeedCatalog.Parse(truncated));
    }

    [Fact]
    public async Task ImportAsync_FilesStreamedFromDisk_SameReleasesAndHashAsReadWhole()
    {
        using var dir = new TempDirectory();
        var files = LongHistory(2000);
        await File.WriteAllTextAsync(dir.File("vendors.json"), files.Vendors.ToJsonString());
        await File.WriteAllTextAsync(dir.File("releases.seed.json"), files.Releases.ToJsonString());
        var whole = await SeedSource.ReadFilesAsync(dir.File("vendors.json"), dir.File("releases.seed.json"), CancellationToken.None);
        var streamed = await SeedSource.OpenFilesAsync(dir.File("vendors.json"), dir.File("releases.seed.json"), CancellationToken.None);
        var store = new InMemorySeedStore();

        var result = await new SeedImporter(store, store, store, store, NullLogger<SeedImporter>.Instance).ImportAsync(streamed, CancellationToken.None);

        // The hash of an unchanged file must not move, or every existing install would import it again.
        Assert.Equal(whole.ComputeHash(), result.Hash);
        Assert.Equal(2002, result.Inserted);
        Assert.Equal(2002, await store.CountReleasesAsync(CancellationToken.None));
    }
}
