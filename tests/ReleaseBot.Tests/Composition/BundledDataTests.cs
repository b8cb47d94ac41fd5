using ReleaseBot.Core.Replies;
using ReleaseBot.Testing.Rendering;
using ReleaseBot.Tests.Commands;

namespace ReleaseBot.Tests.Composition;

/// <summary>Commands end to end on the bundled config/*.json, loaded into a real LiteDB file.</summary>
public sealed class BundledDataTests
{
    [Fact]
    public async Task Latest_BundledData_NewestFirstFromTheArticle()
    {
        using var h = await CommandHarness.WithBundledDataAsync();

        var reply = await h.SendAsync("/latest 3");

        Assert.Equal(ReplyKind.List, reply.Kind);
        Assert.Equal(3, reply.Lines.Count);
        Assert.All(reply.Lines, l => Assert.StartsWith("2025-07-3", l.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Latest_BundledData_VendorVariantsFoldIntoTheirModelsLine()
    {
        using var h = await CommandHarness.WithBundledDataAsync();

        var lines = (await h.SendAsync("/latest tencent 3")).Lines.Select(l => l.Text).ToList();

        Assert.Contains(lines, l => l.Contains("tencent/Hunyuan-A13B-Instruct (+FP8, +GPTQ-Int4)", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("· tencent/Hunyuan-A13B-Instruct-FP8", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rank_BundledSnapshot_EightOfEightKnownAreChinese()
    {
        using var h = await CommandHarness.WithBundledDataAsync();

        var reply = await h.SendAsync("/rank");

        var lines = reply.Lines.Select(l => l.Text).ToList();
        Assert.StartsWith("#1 zai-org/GLM-4.5 — Zhipu AI (China)", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("#4 — not known", lines[3], StringComparison.Ordinal);
        Assert.StartsWith("#8 — not known", lines[7], StringComparison.Ordinal);
        Assert.StartsWith("#9 Wan2.2 (repo not stated) — Alibaba (China)", lines[8], StringComparison.Ordinal);
        Assert.Equal("8 of 8 known entries are from Chinese vendors (2 of 10 places not known).", lines[10]);
    }

    [Fact]
    public async Task Vendors_BundledData_AlibabaHoldsFiveOfTen()
    {
        using var h = await CommandHarness.WithBundledDataAsync();

        var reply = await h.SendAsync("/vendors");

        Assert.Equal("Vendors (21)", reply.Title);
        Assert.StartsWith("Alibaba (alibaba) — China · 5/10", reply.Lines[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("Zhipu AI (zhipu) — China · 2/10", reply.Lines[1].Text, StringComparison.Ordinal);
        Assert.Contains(reply.Lines, l => l.Text.StartsWith("Meta (meta) — USA · 0/10", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Vendor_Qwen_BundledData_ShowsAlibabaWithQwenReleases()
    {
        using var h = await CommandHarness.WithBundledDataAsync();

        var reply = await h.SendAsync("/vendor qwen");

        Assert.Contains("阿里巴巴", reply.Title, StringComparison.Ordinal);
        Assert.Contains(reply.Lines, l => l.Text == "Trending now: 5 of the top 10");
        Assert.Contains(reply.Lines, l => l.Url?.StartsWith("https://huggingface.co/Qwen/", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Model_Glm45_BundledData_ShowsCard()
    {
        using var h = await CommandHarness.WithBundledDataAsync();

        var reply = await h.SendAsync("/model zai-org/GLM-4.5");

        Assert.Equal("https://huggingface.co/zai-org/GLM-4.5", reply.TitleUrl);
        var fields = reply.Fields.ToDictionary(f => f.Name, f => f.Value);
        Assert.StartsWith("Zhipu", fields["Vendor"], StringComparison.Ordinal);
        Assert.Contains("total", fields["Parameters"], StringComparison.Ordinal);
        Assert.Equal("#1", fields["Trending"]);
    }

    [Fact]
    public async Task Help_BundledDataInChinese_ReadsChinese()
    {
        using var h = await CommandHarness.WithBundledDataAsync();

        var reply = await h.SendAsync("/vendor 月之暗面", clientLanguage: "zh-CN");

        Assert.Contains("近期发布", reply.ToConsoleText(), StringComparison.Ordinal);
        Assert.Contains("moonshotai/Kimi-K2", reply.ToConsoleText(), StringComparison.Ordinal);
    }
}
