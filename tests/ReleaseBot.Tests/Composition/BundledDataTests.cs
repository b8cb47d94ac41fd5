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
        Assert.Contains(reply.Lines, l => l.Text == "Hugging Face trending, 2025-07-30 (as reported): 5 of the top 10");
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
        Assert.Equal("#1 (snapshot of 2025-07-30)", fields["Trending"]);
    }

    [Fact]
    public async Task Help_BundledDataInChinese_ReadsChinese()
    {
        using var h = await CommandHarness.WithBundledDataAsync();

        var reply = await h.SendAsync("/vendor 月之暗面", clientLanguage: "zh-CN");

        Assert.Contains("近期发布", reply.ToConsoleText(), StringComparison.Ordinal);
        Assert.Contains("moonshotai/Kimi-K2", reply.ToConsoleText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Status: announced 2025-07-31; weights not public on that date → weights published on the Hub later (date not recorded)")]
    [InlineData("zh-CN", "状态: 2025-07-31 官宣，当时权重尚未公开 → 权重后来在 Hub 上公开（日期未记录）")]
    public async Task Model_Step3_StatusDatedAndWhatBecameOfIt(string? clientLanguage, string expected)
    {
        var text = await ConsoleAnswerAsync("/model stepfun-ai/step3", clientLanguage);

        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("not public yet", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latest_Step3_SaysWeightsCameLater()
    {
        var text = await ConsoleAnswerAsync("/latest stepfun");

        Assert.Contains("stepfun-ai/step3 (+fp8) · StepFun · 321B total / 38B active · announced first, weights published later", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("baidu/ERNIE-4.5-VL-28B-A3B-PT", null,
        "Caveats: licence taken from a third-party catalogue, not from the Hub; repo id not confirmed on the Hub (it follows the vendor's naming)")]
    [InlineData("baidu/ERNIE-4.5-VL-28B-A3B-PT", "zh-CN", "注意: 许可证取自第三方目录，并非读自 Hub; 仓库名未在 Hub 上核实（按厂商命名规则推断）")]
    [InlineData("FunAudioLLM/ThinkSound", null, "Caveats: the project's own terms allow research use only (no commercial use), whatever the Hub licence says")]
    [InlineData("FunAudioLLM/ThinkSound", "zh-CN", "注意: 项目自身条款仅允许研究用途（不可商用），与 Hub 上的许可证无关")]
    public async Task Model_ReleaseWithCaveats_ShowsThem(string repoId, string? clientLanguage, string expected)
    {
        var text = await ConsoleAnswerAsync($"/model {repoId}", clientLanguage);

        Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Model_ReleaseWithoutCaveats_ShowsNone()
    {
        var text = await ConsoleAnswerAsync("/model zai-org/GLM-4.5");

        Assert.DoesNotContain("Caveats", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Parameters: 241B total / ≈28B active")]
    [InlineData("zh-CN", "参数量: 总参数 241B / 激活 ≈28B")]
    public async Task Model_InternS1_MarksOnlyTheDerivedActiveCount(string? clientLanguage, string expected)
    {
        var text = await ConsoleAnswerAsync("/model internlm/Intern-S1", clientLanguage);

        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Single(text.Split('≈')[1..]);
    }

    [Fact]
    public async Task Vendor_ChineseClient_NamesTheSnapshotDate()
    {
        var text = await ConsoleAnswerAsync("/vendor qwen", "zh-CN");

        Assert.Contains("Hugging Face 热榜，2025-07-30（据报道）：前 10 名中占 5 席", text, StringComparison.Ordinal);
        Assert.DoesNotContain("当前", text, StringComparison.Ordinal);
    }

    /// <summary>One command on a fresh copy of the bundled data, answered as the console user reads it.</summary>
    private static async Task<string> ConsoleAnswerAsync(string command, string? clientLanguage = null)
    {
        using var h = await CommandHarness.WithBundledDataAsync();
        return (await h.SendAsync(command, clientLanguage: clientLanguage)).ToConsoleText();
    }
}
