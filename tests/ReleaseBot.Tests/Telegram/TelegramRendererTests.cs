using ReleaseBot.Core.Replies;
using ReleaseBot.Telegram.Rendering;
using ReleaseBot.Testing.FakeTelegram;

namespace ReleaseBot.Tests.Telegram;

public sealed class TelegramRendererTests
{
    private readonly TelegramRenderer _renderer = new();

    [Fact]
    public void Escape_HostileModelName_HasNoMarkupLeft()
    {
        Assert.Equal("&lt;b&gt;x&lt;/b&gt; &amp; &lt;script&gt;", TelegramHtml.Escape("<b>x</b> & <script>"));
    }

    [Fact]
    public void Render_HostileValuesEverywhere_ParsesBackToTheSameText()
    {
        const string hostile = "<b>x</b> & <script>";
        var reply = new Reply
        {
            Kind = ReplyKind.Announcement,
            Title = hostile,
            TitleUrl = "https://huggingface.co/a/b?x=1&y=\"2\"",
            Lines = [new ReplyLine(hostile, Bold: true)],
            Fields = [new ReplyField("Vendor & co", hostile)],
            Links = [new ReplyLink(hostile, "https://huggingface.co/a/b")],
            Footer = "&amp; is not an entity here",
        };

        var message = Assert.Single(_renderer.Render(reply));

        Assert.True(FakeTelegramHtml.TryParse(message.Html, out var plain, out var error), error);
        Assert.Equal(4, plain.Split(hostile).Length - 1);
        Assert.Contains("Vendor & co: ", plain, StringComparison.Ordinal);
        Assert.Contains("&amp; is not an entity here", plain, StringComparison.Ordinal);
        Assert.Contains("href=\"https://huggingface.co/a/b?x=1&amp;y=&quot;2&quot;\"", message.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LongReply_SplitsOnLinesIntoOrderedPartsWithinLimit()
    {
        var lines = Enumerable.Range(0, 400).Select(i => new ReplyLine($"{i:D4} {new string('m', 20)} <&>")).ToArray();
        var reply = new Reply { Kind = ReplyKind.List, Lines = lines };
        Assert.True(lines.Sum(l => l.Text.Length + 1) > 10_000);

        var parts = _renderer.Render(reply);

        Assert.True(parts.Count >= 3);
        var seen = new List<string>();
        foreach (var part in parts)
        {
            Assert.True(FakeTelegramHtml.TryParse(part.Html, out var plain, out var error), error);
            Assert.InRange(plain.Length, 1, 4096);
            Assert.True(part.DisableLinkPreview);
            seen.AddRange(plain.Split('\n'));
        }

        Assert.Equal(lines.Select(l => l.Text), seen);
    }

    [Fact]
    public void Render_SingleLineLongerThanLimit_IsCutWithoutLosingText()
    {
        var text = string.Concat(Enumerable.Repeat("模型🚀&", 3000));
        var parts = _renderer.Render(Reply.Text(text));

        var plain = parts.Select(p => FakeTelegramHtml.TryParse(p.Html, out var t, out _) ? t : throw new InvalidOperationException(p.Html)).ToArray();
        Assert.All(plain, p => Assert.InRange(p.Length, 1, 4096));
        Assert.Equal(text, string.Concat(plain));
        Assert.All(plain, p => Assert.False(char.IsHighSurrogate(p[^1])));
    }

    [Fact]
    public void Render_Announcement_KeepsLinkPreviewAndOtherKindsDoNot()
    {
        Assert.False(_renderer.Render(new Reply { Kind = ReplyKind.Announcement, Title = "x" })[0].DisableLinkPreview);
        Assert.True(_renderer.Render(new Reply { Kind = ReplyKind.Digest, Title = "x" })[0].DisableLinkPreview);
        Assert.True(_renderer.Render(new Reply { Kind = ReplyKind.List, Title = "x" })[0].DisableLinkPreview);
    }

    [Fact]
    public void Render_NonHttpLink_IsShownAsTextNotAsAnchor()
    {
        var message = _renderer.Render(new Reply { Lines = [new ReplyLine("click", Url: "javascript:alert(1)")] })[0];
        Assert.DoesNotContain("<a", message.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ChineseText_IsKeptAsIs()
    {
        var message = _renderer.Render(new Reply { Title = "通义千问 新模型", Fields = [new ReplyField("许可证", "apache-2.0")] })[0];
        Assert.Contains("通义千问 新模型", message.Html, StringComparison.Ordinal);
        Assert.Contains("<b>许可证: </b>apache-2.0", message.Html, StringComparison.Ordinal);
    }
}
