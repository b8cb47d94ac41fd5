using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Replies;
using ReleaseBot.Testing.Builders;
using ReleaseBot.Testing.Rendering;

namespace ReleaseBot.Tests.Commands;

/// <summary>/settings, /digest, /watch, /lang.</summary>
public sealed class SettingsCommandTests
{
    [Fact]
    public async Task Settings_Subscribed_ShowsEverySetting()
    {
        using var h = await CommandHarness.WithVendorsAsync();
        await h.AddSubscriptionAsync(new SubscriptionBuilder(h.Chat.ChatId).Vendors("alibaba", "zhipu").MinParams(7_000_000_000)
            .Mode(DeliveryMode.Both).Digest(new TimeOnly(8, 30), "Asia/Shanghai").Paused("bot was removed from the chat").Build());
        await h.Store.Watches.TryAddWatchAsync(new WatchPattern { Id = "x", SubscriptionId = "sub-telegram--1001", Pattern = "stepfun-ai/step3*", CreatedAt = h.Time.GetUtcNow() }, CancellationToken.None);

        var reply = await h.SendAsync("/settings");

        var fields = reply.Fields.ToDictionary(f => f.Name, f => f.Value);
        Assert.Equal("paused: bot was removed from the chat", fields["State"]);
        Assert.Equal("Alibaba, Zhipu AI", fields["Vendors"]);
        Assert.Equal("7B", fields["Minimum size"]);
        Assert.Equal("instant announcements and daily digest", fields["Mode"]);
        Assert.Equal("08:30 Asia/Shanghai", fields["Digest"]);
        Assert.Equal("English", fields["Language"]);
        Assert.Equal("stepfun-ai/step3*", fields["Watches"]);
    }

    [Fact]
    public async Task Settings_AfterFilterWords_ShowsEachFilter()
    {
        using var h = await CommandHarness.WithVendorsAsync();
        await h.SendAsync("/subscribe qwen text vision min:1.5b derivatives ranks:off");

        var fields = (await h.SendAsync("/settings")).Fields.ToDictionary(f => f.Name, f => f.Value);

        Assert.Equal("Alibaba", fields["Vendors"]);
        Assert.Equal("text, vision-language", fields["Modalities"]);
        Assert.Equal("1.5B", fields["Minimum size"]);
        Assert.Equal("no", fields["Official only"]);
        Assert.Equal("no", fields["Rank alerts"]);
    }

    [Fact]
    public async Task Settings_AfterFilterWordsInChineseChat_ShowsEachFilterInChinese()
    {
        using var h = await CommandHarness.WithVendorsAsync();
        await h.SendAsync("/lang zh");
        await h.SendAsync("/subscribe 智谱 视频 min:500m official ranks:on");

        var fields = (await h.SendAsync("/settings")).Fields.ToDictionary(f => f.Name, f => f.Value);

        Assert.Equal("智谱AI", fields["厂商"]);
        Assert.Equal("视频", fields["模态"]);
        Assert.Equal("0.5B", fields["最小参数量"]);
        Assert.Equal("是", fields["仅官方发布"]);
        Assert.Equal("是", fields["热榜提醒"]);
    }

    [Fact]
    public async Task Settings_NotSubscribed_PointsToSubscribe()
    {
        using var h = await CommandHarness.WithVendorsAsync();

        Assert.Contains("/subscribe", (await h.SendAsync("/settings")).ToConsoleText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/digest 09:00 Asia/Shanghai", "09:00", "Asia/Shanghai")]
    [InlineData("/digest 7:05 Europe/Berlin", "07:05", "Europe/Berlin")]
    [InlineData("/digest 21:30", "21:30", "UTC")]
    [InlineData("/digest 00:00 America/New_York", "00:00", "America/New_York")]
    public async Task Digest_GoodTimeAndZone_SetsDigestAndIncludesItInMode(string text, string time, string zone)
    {
        using var h = await CommandHarness.WithVendorsAsync();
        await h.SendAsync("/subscribe instant");

        var reply = await h.SendAsync(text);

        Assert.Equal(ReplyKind.Done, reply.Kind);
        Assert.Equal($"Daily digest at {time} ({zone}). Mode: instant announcements and daily digest.", reply.ToConsoleText());
        var subscription = await h.SubscriptionAsync();
        Assert.Equal(TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture), subscription!.DigestTime);
        Assert.Equal(zone, subscription.TimeZone);
        Assert.Equal(DeliveryMode.Both, subscription.Mode);
    }

    [Fact]
    public async Task Digest_NotSubscribed_CreatesDigestOnlySubscription()
    {
        using var h = await CommandHarness.WithVendorsAsync();

        await h.SendAsync("/digest 09:00 Asia/Shanghai");

        var subscription = await h.SubscriptionAsync();
        Assert.Equal(DeliveryMode.Digest, subscription!.Mode);
        Assert.Equal("Asia/Shanghai", subscription.TimeZone);
    }

    [Theory]
    [InlineData("/digest 25:00", "\"25:00\" is not a time")]
    [InlineData("/digest 9h", "\"9h\" is not a time")]
    [InlineData("/digest 9:5", "\"9:5\" is not a time")]
    [InlineData("/digest 12:60", "\"12:60\" is not a time")]
    [InlineData("/digest", "Give a time")]
    [InlineData("/digest 09:00 Mars/Olympus", "Unknown time zone \"Mars/Olympus\"")]
    [InlineData("/digest 09:00 ../../etc/passwd", "Unknown time zone")]
    [InlineData("/digest 09:00 <script>", "Unknown time zone")]
    [InlineData("/digest 09:00 Asia/Shanghai extra", "Too many arguments")]
    public async Task Digest_BadInput_ErrorAndNothingChanged(string text, string expected)
    {
        using var h = await CommandHarness.WithVendorsAsync();
        await h.SendAsync("/subscribe");
        var before = await h.FingerprintAsync();

        var reply = await h.SendAsync(text);

        Assert.Equal(ReplyKind.Error, reply.Kind);
        Assert.Contains(expected, reply.ToConsoleText(), StringComparison.Ordinal);
        Assert.Contains("Usage: /digest <HH:mm> [time zone]", reply.ToConsoleText(), StringComparison.Ordinal);
        Assert.Equal(before, await h.FingerprintAsync());
    }

    [Fact]
    public async Task Digest_NotAdmin_Refused()
    {
        using var h = await CommandHarness.WithVendorsAsync();
        await h.SendAsync("/subscribe");
        var before = await h.FingerprintAsync();
        h.Environment.SenderIsAdmin = false;

        var reply = await h.SendAsync("/digest 09:00");

        Assert.Contains("Only admins", reply.ToConsoleText(), StringComparison.Ordinal);
        Assert.Equal(before, await h.FingerprintAsync());
    }

    [Fact]
    public async Task Watch_AddListRemove_RoundTrip()
    {
        using var h = await CommandHarness.WithVendorsAsync();
        await h.SendAsync("/subscribe");

        var added = await h.SendAsync("/watch stepfun-ai/step3*");
        var again = await h.SendAsync("/watch add STEPFUN-AI/step3*");
        var listed = await h.SendAsync("/watch");
        var removed = await h.SendAsync("/watch remove stepfun-ai/step3*");
        var empty = await h.SendAsync("/watch");

        Assert.Equal(ReplyKind.Done, added.Kind);
        Assert.Contains("Already watching", again.ToConsoleText(), StringComparison.Ordinal);
        Assert.Equal("stepfun-ai/step3*", Assert.Single(listed.Lines).Text);
        Assert.Equal(ReplyKind.Done, removed.Kind);
        Assert.Contains("No watches", empty.ToConsoleText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/watch stepfun-ai", "not a watch pattern")]
    [InlineData("/watch stepfun-ai/step[3]", "not a watch pattern")]
    [InlineData("/watch */*", "too broad")]
    [InlineData("/watch a*/?", "too broad")]
    [InlineData("/watch <script>/x", "not a watch pattern")]
    [InlineData("/watch add", "Give a pattern")]
    [InlineData("/watch remove nosuch/pattern*", "has no watch")]
    public async Task Watch_BadPattern_ErrorAndNothingChanged(string text, string expected)
    {
        using var h = await CommandHarness.WithVendorsAsync();
        await h.SendAsync("/subscribe");
        var before = await h.FingerprintAsync();

        var reply = await h.SendAsync(text);

        Assert.Equal(ReplyKind.Error, reply.Kind);
        Assert.Contains(expected, reply.ToConsoleText(), StringComparison.Ordinal);
        Assert.Equal(before, await h.FingerprintAsync());
    }

    [Fact]
    public async Task Watch_NotSubscribed_AsksToSubscribeFirst()
    {
        using var h = await CommandHarness.WithVendorsAsync();

        var reply = await h.SendAsync("/watch stepfun-ai/step3*");

        Assert.Equal(ReplyKind.Error, reply.Kind);
        Assert.Contains("/subscribe", reply.ToConsoleText(), StringComparison.Ordinal);
        Assert.Empty(await h.Store.Watches.GetWatchesAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task Watch_NotAdmin_RefusedButListingAllowed()
    {
        using var h = await CommandHarness.WithVendorsAsync();
        await h.SendAsync("/subscribe");
        h.Environment.SenderIsAdmin = false;

        var add = await h.SendAsync("/watch stepfun-ai/step3*");
        var list = await h.SendAsync("/watch");

        Assert.Contains("Only admins", add.ToConsoleText(), StringComparison.Ordinal);
        Assert.NotEqual(ReplyKind.Error, list.Kind);
        Assert.Empty(await h.Store.Watches.GetWatchesAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task Lang_Zh_RepliesInChineseFromThenOn()
    {
        using var h = await CommandHarness.WithVendorsAsync();
        await h.SendAsync("/subscribe");

        var set = await h.SendAsync("/lang zh");
        var help = await h.SendAsync("/help");

        Assert.Equal("语言：中文。", set.ToConsoleText());
        Assert.Equal(Language.Zh, (await h.SubscriptionAsync())!.Language);
        Assert.Equal("ReleaseBot 命令", help.Title);
        Assert.Contains(help.Lines, l => l.Text.StartsWith("/latest [vendor] [count] — 最新开源模型发布", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lang_WithoutSubscription_IsRememberedForTheChat()
    {
        using var h = await CommandHarness.WithVendorsAsync();

        await h.SendAsync("/lang zh");
        var reply = await h.SendAsync("/latest nosuch");
        await h.SendAsync("/subscribe");

        Assert.StartsWith("未知厂商", reply.Lines[0].Text, StringComparison.Ordinal);
        Assert.Equal(Language.Zh, (await h.SubscriptionAsync())!.Language);
    }

    [Fact]
    public async Task Lang_ClientLanguageZh_UsedForChatWithoutSubscription()
    {
        using var h = await CommandHarness.WithVendorsAsync();

        var reply = await h.SendAsync("/digest 25:00", clientLanguage: "zh-hans");

        Assert.Contains("不是时间", reply.ToConsoleText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/lang fr", "not a language")]
    [InlineData("/lang", "Give a language")]
    public async Task Lang_Bad_ErrorAndNothingChanged(string text, string expected)
    {
        using var h = await CommandHarness.WithVendorsAsync();
        var before = await h.FingerprintAsync();

        var reply = await h.SendAsync(text);

        Assert.Equal(ReplyKind.Error, reply.Kind);
        Assert.Contains(expected, reply.ToConsoleText(), StringComparison.Ordinal);
        Assert.Equal(before, await h.FingerprintAsync());
    }

    [Fact]
    public async Task Lang_NotAdmin_Refused()
    {
        using var h = await CommandHarness.WithVendorsAsync();
        h.Environment.SenderIsAdmin = false;

        var reply = await h.SendAsync("/lang zh");

        Assert.Equal(ReplyKind.Error, reply.Kind);
        Assert.Null(await h.Store.State.GetStateAsync("lang:" + h.Chat.Key, CancellationToken.None));
    }
}
