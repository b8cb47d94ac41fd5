using ReleaseBot.Core.Domain;

namespace ReleaseBot.Tests.Seed;

/// <summary>The bundled config/vendors.json and config/releases.seed.json: parse, complete, and right.</summary>
public sealed class BundledSeedTests
{
    private static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);

    [Fact]
    public void Parse_BundledFiles_GivesEveryVendorReleaseAndTheSnapshot()
    {
        var catalog = BundledSeed.Catalog;

        Assert.Equal(SharedSeedFacts.Vendors.Length, catalog.Vendors.Count);
        Assert.Equal(SharedSeedFacts.Repos.Length, catalog.Releases.Count);
        Assert.Single(catalog.Snapshots);
    }

    [Fact]
    public void Releases_EverySharedSeedRepo_IsPresentWithVendorAndChinaDate()
    {
        var byRepo = BundledSeed.Catalog.Releases.ToDictionary(r => r.RepoId.ToString(), StringComparer.Ordinal);

        foreach (var (repoId, vendorId, date) in SharedSeedFacts.Repos)
        {
            Assert.True(byRepo.TryGetValue(repoId, out var release), $"{repoId} missing from releases.seed.json");
            Assert.Equal(vendorId, release.VendorId);
            Assert.Equal(DateTimeOffset.Parse($"{date}T00:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture), release.PublishedAt);
            Assert.Equal(ChinaTime, release.PublishedAt!.Value.Offset);
            Assert.Equal(release.PublishedAt.Value, release.DetectedAt);
            Assert.Equal(DiscoveryPath.Seed, release.FoundBy);
            Assert.Equal("hf:" + repoId, release.Id);
        }
    }

    [Fact]
    public void Vendors_EverySharedSeedVendor_IsPresentOwningAllItsOrgs()
    {
        var byId = BundledSeed.Catalog.Vendors.ToDictionary(v => v.Id, StringComparer.Ordinal);

        foreach (var (id, country, orgs) in SharedSeedFacts.Vendors)
        {
            Assert.True(byId.TryGetValue(id, out var vendor), $"vendor {id} missing from vendors.json");
            Assert.Equal(country, vendor.Country);
            Assert.All(orgs, org => Assert.True(vendor.OwnsOrg(org), $"{id} should own {org}"));
            Assert.False(string.IsNullOrWhiteSpace(vendor.ShortName));
        }
    }

    [Fact]
    public void Vendors_RenamedOrgs_AreLegacyAndNotPolled()
    {
        var byId = BundledSeed.Catalog.Vendors.ToDictionary(v => v.Id, StringComparer.Ordinal);

        Assert.Equal(["zai-org"], byId["zhipu"].HfOrgs);
        Assert.Equal(["THUDM"], byId["zhipu"].LegacyOrgs);
        Assert.Equal(["OpenMOSS-Team"], byId["openmoss"].HfOrgs);
        Assert.Equal(["fnlp"], byId["openmoss"].LegacyOrgs);
    }

    [Fact]
    public void Releases_Owner_MapsToTheirVendorByOrg()
    {
        var vendors = BundledSeed.Catalog.Vendors;

        Assert.All(BundledSeed.Catalog.Releases, r =>
            Assert.Equal(r.VendorId, Assert.Single(vendors, v => v.OwnsOrg(r.Owner)).Id));
    }

    [Theory]
    [InlineData("alibaba", "qwen", "通义", "千问", "阿里", "阿里巴巴", "wan", "万相", "tongyi")]
    [InlineData("zhipu", "glm", "z.ai", "zai", "智谱")]
    [InlineData("moonshot", "kimi", "月之暗面")]
    [InlineData("tencent", "hunyuan", "混元", "腾讯")]
    [InlineData("baidu", "ernie", "文心", "百度")]
    [InlineData("skywork", "kunlun", "昆仑万维", "天工")]
    [InlineData("shailab", "internlm", "intern", "书生", "上海AI实验室")]
    [InlineData("openmoss", "moss", "fudan", "复旦")]
    [InlineData("antgroup", "ant", "蚂蚁", "ling", "kag")]
    [InlineData("stepfun", "step", "阶跃")]
    [InlineData("deepseek", "深度求索")]
    [InlineData("meta", "llama")]
    [InlineData("google", "gemma", "谷歌")]
    public void Vendors_Aliases_NameTheVendorUsersMean(string vendorId, params string[] aliases)
    {
        var vendor = Assert.Single(BundledSeed.Catalog.Vendors, v => v.Id == vendorId);

        Assert.All(aliases, a => Assert.Contains(a, vendor.Aliases));
    }

    [Fact]
    public void Vendors_NoNameAliasOrgOrFamilyIsSharedByTwoVendors()
    {
        // Compared as a user's input is: letters and digits only, lower-case ("Z.ai" = "zai").
        static string Key(string name) => string.Concat(name.Normalize(System.Text.NormalizationForm.FormKC)
            .Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant));
        var names = BundledSeed.Catalog.Vendors
            .SelectMany(v => v.Aliases.Concat(v.HfOrgs).Concat(v.LegacyOrgs).Concat(v.Families)
                .Concat([v.Id, v.NameEn, v.NameZh, v.ShortName!])
                .Select(n => (Name: Key(n), Vendor: v.Id)).Distinct());

        var shared = names.GroupBy(n => n.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();

        Assert.Empty(shared);
    }

    [Fact]
    public void Releases_EveryFamily_IsListedOnItsVendor()
    {
        var byId = BundledSeed.Catalog.Vendors.ToDictionary(v => v.Id, StringComparer.Ordinal);

        Assert.All(BundledSeed.Catalog.Releases, r => Assert.Contains(r.Family, byId[r.VendorId!].Families));
    }
}
