using ReleaseBot.Core.Replies;
using ReleaseBot.Testing.Rendering;

namespace ReleaseBot.Tests.Commands;

/// <summary>/latest, /rank, /vendors, /vendor, /model: read-only commands with good and bad arguments.</summary>
public sealed class QueryCommandTests
{
    [Fact]
    public async Task Latest_NoArguments_ListsFiveNewestOfficialReleases()
    {
        using var h = await CommandHarness.WithVendorsAsync(SampleReleases.All);

        var reply = await h.SendAsync("/latest");

        Assert.Equal(ReplyKind.List, reply.Kind);
        Assert.Equal(5, reply.Lines.Count);
        Assert.StartsWith("2025-07-31 · stepfun-ai/step3", reply.Lines[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(reply.Lines, l => l.Text.Contains("unsloth", StringComparison.Ordinal));
        Assert.Equal("https://huggingface.co/stepfun-ai/step3", reply.Lines[0].Url);
    }

    [Theory]
    [InlineData("/latest qwen 2")]
    [InlineData("/latest 2 Qwen")]
    [InlineData("/latest 阿里 2")]
    [InlineData("/latest 通义 2")]
    [InlineData("/latest alibaba 2")]
    public async Task Latest_VendorAndCount_ListsThatVendorOnly(string text)
    {
        using var h = await CommandHarness.WithVendorsAsync(SampleReleases.All);

        var reply = await h.SendAsync(text);

        Assert.Equal(ReplyKind.List, reply.Kind);
        Assert.Equal(2, reply.Lines.Count);
        Assert.All(reply.Lines, l => Assert.Contains(" · Qwen/", l.Text, StringComparison.Ordinal));
        Assert.Contains("Alibaba", reply.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latest_Line_ShowsParametersAndVendor()
    {
        using var h = await CommandHarness.WithVendorsAsync(SampleReleases.All);

        var reply = await h.SendAsync("/latest kimi");

        Assert.Equal("2025-07-11 · moonshotai/Kimi-K2-Instruct · Moonshot AI · 1T total / 32B active", Assert.Single(reply.Lines).Text);
    }

    [Theory]
    [InlineData("/latest 0", "\"0\"")]
    [InlineData("/latest 21", "\"21\"")]
    [InlineData("/latest 10000", "\"10000\"")]
    [InlineData("/latest -3", "\"-3\"")]
    [InlineData("/latest 2.5", "\"2.5\"")]
    [InlineData("/latest qwen abc", "\"abc\"")]
    [InlineData("/latest 3 4", "\"4\"")]
    public async Task Latest_BadCount_ErrorNamesRangeAndUsage(string text, string quoted)
    {
        using var h = await CommandHarness.WithVendorsAsync(SampleReleases.All);

        var reply = await h.SendAsync(text);

        Assert.Equal(ReplyKind.Error, reply.Kind);
        var plain = reply.ToConsoleText();
        Assert.Contains(quoted, plain, StringComparison.Ordinal);
        Assert.Contains("from 1 to 20", plain, StringComparison.Ordinal);
        Assert.Contains("Usage: /latest [vendor] [count]", plain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latest_UnknownVendor_ErrorWithSuggestions()
    {
        using var h = await CommandHarness.WithVendorsAsync(SampleReleases.All);

        var reply = await h.SendAsync("/latest moonshoot");

        Assert.Equal(ReplyKind.Error, reply.Kind);
        var plain = reply.ToConsoleText();
        Assert.Contains("Unknown vendor \"moonshoot\"", plain, StringComparison.Ordinal);
        Assert.Contains("Did you mean: moonshot", plain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latest_HostileInput_ErrorQuotesItShortAndRaw()
    {
        using var h = await CommandHarness.WithVendorsAsync(SampleReleases.All);

        var reply = await h.SendAsync("/latest <script>alert(1)</script>");

        Assert.Equal(ReplyKind.Error, reply.Kind);
        Assert.Contains("<script>alert(1)</script>", reply.Lines[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latest_VendorWithoutReleases_SaysSo()
    {
        using var h = await CommandHarness.WithVendorsAsync(SampleReleases.All);

        var reply = await h.SendAsync("/latest meta");

        Assert.Equal(ReplyKind.Info, reply.Kind);
        Assert.Equal("No releases of Meta known yet.", reply.Lines[0].Text);
    }

    [Fact]
    public async Task Rank_SeedSnapshot_ShowsUnknownPlacesHonestlyAndCountsKnownOnly()
    {
        using var h = await CommandHarness.WithVendorsAsync(SampleReleases.All);
        await h.Store.Ranks.TryAddSnapshotAsync(SampleReleases.Trending, CancellationToken.None);

        var reply = await h.SendAsync("/rank");

        Assert.Equal(ReplyKind.List, reply.Kind);
        Assert.Equal(11, reply.Lines.Count);
        Assert.Equal("#1 zai-org/GLM-4.5 — Zhipu AI (China)", reply.Lines[0].Text);
        Assert.Equal("#4 — not known · not stated (all ten were Chinese)", reply.Lines[3].Text);
        Assert.Equal("#8 — not known", reply.Lines[7].Text);
        Assert.Equal("8 of 8 known entries are from Chinese vendors (2 of 10 places not known).", reply.Lines[10].Text);
        Assert.Contains("as reported", reply.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rank_Top3_ShowsThreePlaces()
    {
        using var h = await CommandHarness.WithVendorsAsync(SampleReleases.All);
        await h.Store.Ranks.TryAddSnapshotAsync(SampleReleases.Trending, CancellationToken.None);

        var reply = await h.SendAsync("/rank 3");

        Assert.Equal(4, reply.Lines.Count);
        Assert.Equal("3 of 3 entries are from Chinese vendors.", reply.Lines[3].Text);
    }

    [Theory]
    [InlineData("/rank 0")]
    [InlineData("/rank 51")]
    [InlineData("/rank ten")]
    [InlineData("/rank 5 5")]
    public async Task Rank_BadTop_ErrorWithRange(string text)
    {
        using var h = await CommandHarness.WithVendorsAsync();

        var reply = await h.SendAsync(text);

        Assert.Equal(ReplyKind.Error, reply.Kind);
        Assert.Contains("Usage: /rank [top]", reply.ToConsoleText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rank_RangeNamedInError()
    {
        using var h = await CommandHarness.WithVendorsAsync();

        var reply = await h.SendAsync("/rank 51");

        Assert.Contains("from 1 to 50", reply.Lines[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rank_NoSnapshot_SaysSo()
    {
        using var h = await CommandHarness.WithVendorsAsync();

        Assert.Equal("No trending snapshot yet.", (await h.SendAsync("/rank")).ToConsoleText());
    }

    [Fact]
    public async Task Vendors_WithSnapshot_ShowsCountryAndTopTenShare()
    {
        using var h = await CommandHarness.WithVendorsAsync(SampleReleases.All);
        await h.Store.Ranks.TryAddSnapshotAsync(SampleReleases.Trending, CancellationToken.None);

        var reply = await h.SendAsync("/vendors");

        Assert.Equal("Alibaba (alibaba) — China · 5/10 in trending top 10", reply.Lines[0].Text);
        Assert.Equal("Zhipu AI (zhipu) — China · 2/10 in trending top 10", reply.Lines[1].Text);
        Assert.Contains(reply.Lines, l => l.Text == "Meta (meta) — USA · 0/10 in trending top 10");
        Assert.Equal("Vendors (6)", reply.Title);
    }

    [Theory]
    [InlineData("/vendor qwen")]
    [InlineData("/vendor 通义")]
    [InlineData("/vendor ALIBABA")]
    public async Task Vendor_KnownName_ShowsCardWithReleasesAndTrending(string text)
    {
        using var h = await CommandHarness.WithVendorsAsync(SampleReleases.All);
        await h.Store.Ranks.TryAddSnapshotAsync(SampleReleases.Trending, CancellationToken.None);

        var reply = await h.SendAsync(text);

        Assert.Equal(ReplyKind.Info, reply.Kind);
        Assert.StartsWith("Alibaba Group", reply.Title, StringComparison.Ordinal);
        Assert.Contains(reply.Fields, f => f.Value == "Qwen, Wan-AI, FunAudioLLM");
        Assert.Contains(reply.Lines, l => l.Text == "Hugging Face trending, 2025-07-30 (as reported): 5 of the top 10");
        Assert.Contains(reply.Lines, l => l.Text == "#9 Wan2.2 (repo not stated)");
        Assert.Contains(reply.Lines, l => l.Text.Contains("Qwen/Qwen3-30B-A3B-Instruct-2507", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/vendor", "Which vendor?")]
    [InlineData("/vendor openai-ish-thing", "Unknown vendor")]
    public async Task Vendor_MissingOrUnknown_Error(string text, string expected)
    {
        using var h = await CommandHarness.WithVendorsAsync();

        var reply = await h.SendAsync(text);

        Assert.Equal(ReplyKind.Error, reply.Kind);
        Assert.Contains(expected, reply.ToConsoleText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/model zai-org/GLM-4.5")]
    [InlineData("/model ZAI-ORG/glm-4.5")]
    [InlineData("/model https://huggingface.co/zai-org/GLM-4.5")]
    public async Task Model_KnownRepo_ShowsCard(string text)
    {
        using var h = await CommandHarness.WithVendorsAsync(SampleReleases.All);
        await h.Store.Ranks.TryAddSnapshotAsync(SampleReleases.Trending, CancellationToken.None);

        var reply = await h.SendAsync(text);

        Assert.Equal("GLM-4.5", reply.Title);
        Assert.Equal("https://huggingface.co/zai-org/GLM-4.5", reply.TitleUrl);
        var fields = reply.Fields.ToDictionary(f => f.Name, f => f.Value);
        Assert.Equal("Zhipu AI (China)", fields["Vendor"]);
        Assert.Equal("355B total / 32B active", fields["Parameters"]);
        Assert.Equal("mit", fields["Licence"]);
        Assert.Equal("#1 (snapshot of 2025-07-30)", fields["Trending"]);
    }

    [Theory]
    [InlineData("/model", "Which model?")]
    [InlineData("/model GLM-4.5", "not a repo id")]
    [InlineData("/model zai-org/<b>x</b>", "not a repo id")]
    [InlineData("/model zai-org/GLM-9", "I have not seen zai-org/GLM-9")]
    public async Task Model_BadOrUnknown_Error(string text, string expected)
    {
        using var h = await CommandHarness.WithVendorsAsync(SampleReleases.All);

        var reply = await h.SendAsync(text);

        Assert.Equal(ReplyKind.Error, reply.Kind);
        Assert.Contains(expected, reply.ToConsoleText(), StringComparison.Ordinal);
    }
}
