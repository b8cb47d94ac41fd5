using System.Text;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Seed;

namespace ReleaseBot.Tests.Seed;

public sealed class SeedCatalogTests
{
    [Fact]
    public void Parse_SmallFiles_MapsReleasesVendorsAndSnapshot()
    {
        var catalog = SeedCatalog.Parse(new SeedFileBuilder().Build());

        var coder = Assert.Single(catalog.Releases, r => r.RepoId.ToString() == "Qwen/Qwen3-Coder-480B-A35B-Instruct");
        Assert.Equal("alibaba", coder.VendorId);
        Assert.Equal("Qwen3-Coder-480B-A35B-Instruct", coder.Title);
        Assert.Equal(Modality.Text, coder.Modality);
        Assert.Equal(ReleaseStatus.Released, coder.Status);
        Assert.True(coder.Official);
        var snapshot = Assert.Single(catalog.Snapshots);
        Assert.Equal("zhipu", snapshot.Entries[0].VendorId);
        Assert.Equal(["glm", "智谱"], catalog.Vendors[0].Aliases);
    }

    [Fact]
    public void Parse_BrokenJson_NamesFileAndLine()
    {
        var source = SeedFileBuilder.Raw("{ \"vendors\": [ }", "{}");

        var e = Assert.Throws<SeedFormatException>(() => SeedCatalog.Parse(source));

        Assert.Equal(SeedFileBuilder.VendorsName, e.File);
        Assert.Contains("test/vendors.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("line 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownModality_NamesFieldAndAllowedNames()
    {
        var files = new SeedFileBuilder();
        files.Release(1)["modality"] = "Txt";

        var e = Assert.Throws<SeedFormatException>(() => SeedCatalog.Parse(files.Build()));

        Assert.Equal(SeedFileBuilder.ReleasesName, e.File);
        var error = Assert.Single(e.Errors);
        Assert.StartsWith("releases[1].modality: 'Txt' is not one of", error, StringComparison.Ordinal);
        Assert.Contains("ThreeD", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MisspeltField_IsRefusedWithItsPath()
    {
        var files = new SeedFileBuilder();
        files.Release(0)["totalParam"] = 1;

        var e = Assert.Throws<SeedFormatException>(() => SeedCatalog.Parse(files.Build()));

        Assert.Contains("$.releases[0].totalParam", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ParamsAsText_IsRefused()
    {
        var files = new SeedFileBuilder();
        files.Release(0)["totalParams"] = "355B";

        var e = Assert.Throws<SeedFormatException>(() => SeedCatalog.Parse(files.Build()));

        Assert.Contains("$.releases[0].totalParams", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_VendorIdNotOwningTheOrg_IsRefused()
    {
        var files = new SeedFileBuilder();
        files.Release(0)["vendorId"] = "alibaba";

        var e = Assert.Throws<SeedFormatException>(() => SeedCatalog.Parse(files.Build()));

        Assert.Contains("releases[0].vendorId: 'alibaba' does not match 'zhipu'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OwnerOfNoVendor_IsRefused()
    {
        var files = new SeedFileBuilder();
        files.Release(1)["repoId"] = "unsloth/Qwen3-Coder-480B-A35B-Instruct-GGUF";

        var e = Assert.Throws<SeedFormatException>(() => SeedCatalog.Parse(files.Build()));

        Assert.Contains("releases[1].repoId: owner 'unsloth'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsEveryOne()
    {
        var files = new SeedFileBuilder();
        files.Release(0).Remove("publishedAt");
        files.Release(1)["repoId"] = "no-slash";
        files.Release(1)["activeParams"] = 900000000000;

        var e = Assert.Throws<SeedFormatException>(() => SeedCatalog.Parse(files.Build()));

        Assert.Equal(["releases[0].publishedAt: missing", "releases[1].repoId: 'no-slash' is not a repo id: a repo id needs an owner and a name: owner/name"], e.Errors.Take(2));
        Assert.Contains(e.Errors, x => x.StartsWith("releases[1].activeParams", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_StatusThatIsNotTheLastStepOrUnknownCaveat_IsRefused()
    {
        var files = new SeedFileBuilder();
        files.Release(0)["status"] = "Announced";
        files.Release(0)["statusHistory"] = System.Text.Json.Nodes.JsonNode.Parse(
            """[{ "status": "Announced", "on": "2025-07-31T00:00:00+08:00" }, { "status": "Released", "on": null }]""");
        files.Release(1)["caveats"] = new System.Text.Json.Nodes.JsonArray("LicenceGuessed");

        var e = Assert.Throws<SeedFormatException>(() => SeedCatalog.Parse(files.Build()));

        Assert.Contains("releases[0].status: 'Announced' is not the last step of statusHistory ('Released')", e.Errors);
        Assert.Contains(e.Errors, x => x.StartsWith("releases[1].caveats[0]: 'LicenceGuessed' is not one of", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_StatusHistoryWithoutStatus_TakesTheLastStep()
    {
        var files = new SeedFileBuilder();
        files.Release(0).Remove("status");
        files.Release(0)["statusHistory"] = System.Text.Json.Nodes.JsonNode.Parse(
            """[{ "status": "Announced", "on": "2025-07-31T00:00:00+08:00" }, { "status": "Released", "on": "2025-08-01T00:00:00+08:00" }]""");

        var release = SeedCatalog.Parse(files.Build()).Releases[0];

        Assert.Equal(ReleaseStatus.Released, release.Status);
        Assert.Equal(2, release.StatusHistory.Count);
    }

    [Fact]
    public void Parse_VendorWithoutCountryOrDuplicateOrg_IsRefused()
    {
        var files = new SeedFileBuilder();
        files.Vendors["vendors"]![1]!["country"] = "China";
        files.Vendors["vendors"]![1]!["hfOrgs"] = new System.Text.Json.Nodes.JsonArray("Qwen", "THUDM");

        var e = Assert.Throws<SeedFormatException>(() => SeedCatalog.Parse(files.Build()));

        Assert.Equal(SeedFileBuilder.VendorsName, e.File);
        Assert.Contains(e.Errors, x => x.StartsWith("vendors[1].country", StringComparison.Ordinal));
        Assert.Contains("vendors[1].hfOrgs: org 'THUDM' is already owned by 'zhipu'", e.Errors);
    }

    [Fact]
    public void Parse_SnapshotRankOutsideSize_IsRefused()
    {
        var files = new SeedFileBuilder();
        files.Releases["snapshots"]![0]!["entries"]![1]!["rank"] = 11;

        var e = Assert.Throws<SeedFormatException>(() => SeedCatalog.Parse(files.Build()));

        Assert.Contains("snapshots[0].entries[1].rank: must be between 1 and the snapshot size 10", e.Errors);
    }

    [Fact]
    public void Parse_FileWithByteOrderMark_Works()
    {
        var files = new SeedFileBuilder().Build();
        var withBom = files with { VendorsJson = Encoding.UTF8.GetPreamble().Concat(files.VendorsJson.ToArray()).ToArray() };

        Assert.Equal(2, SeedCatalog.Parse(withBom).Vendors.Count);
    }

    [Fact]
    public void ComputeHash_ChangesWithEitherFile()
    {
        var files = new SeedFileBuilder();
        var first = files.Build().ComputeHash();
        files.Release(0)["notes"] = "changed";

        Assert.Equal(first, new SeedFileBuilder().Build().ComputeHash());
        Assert.NotEqual(first, files.Build().ComputeHash());
        Assert.Equal(64, first.Length);
    }
}
