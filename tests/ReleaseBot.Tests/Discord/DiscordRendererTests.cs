using System.Text.Json;
using ReleaseBot.Core.Replies;
using ReleaseBot.Discord.Rendering;

namespace ReleaseBot.Tests.Discord;

public sealed class DiscordRendererTests
{
    private const string Hostile =
        "@everyone @here <@123> <@&456> <#789> **bold** __u__ ~~s~~ `code` ||spoiler|| [click](https://evil.example) "
        + "# Header\n> quote\u202Egnp.exe\u200B\u200F\u2066 \u0000";

    private static readonly string LongHostile = string.Concat(Enumerable.Repeat(Hostile, 2000 / Hostile.Length + 1))[..2000];

    [Fact]
    public void Render_HostileLongModelName_KeepsEveryLimitAndPingsNobody()
    {
        var reply = new Reply
        {
            Kind = ReplyKind.Announcement,
            Title = LongHostile,
            TitleUrl = "https://huggingface.co/evil/model",
            Lines = [new ReplyLine(LongHostile, Bold: true), new ReplyLine(LongHostile, "https://huggingface.co/evil/model")],
            Fields = [.. Enumerable.Range(0, 30).Select(i => new ReplyField(LongHostile, LongHostile))],
            Links = [new ReplyLink(LongHostile, "https://huggingface.co/evil/model")],
            Footer = LongHostile,
            VendorId = "alibaba",
        };

        var payloads = DiscordRenderer.RenderForDelivery(reply, "delivery-1");

        Assert.True(payloads.Count > 1);
        foreach (var payload in payloads)
        {
            DiscordPayloadAssert.WithinLimits(payload);
            foreach (var text in DiscordPayloadAssert.Texts(payload))
            {
                Assert.DoesNotContain("@everyone", text, StringComparison.Ordinal);
                Assert.DoesNotContain("@here", text, StringComparison.Ordinal);
                Assert.DoesNotMatch(@"<@[!&]?[0-9]+>", text);
                Assert.DoesNotContain('\u202E', text);
                Assert.DoesNotContain('\u200B', text);
                Assert.DoesNotContain('\u0000', text);
            }
        }

        var first = payloads[0].Embeds![0];
        Assert.EndsWith("…", first.Title, StringComparison.Ordinal);
        Assert.StartsWith("@\u200Deveryone", first.Title, StringComparison.Ordinal);
        Assert.Contains("\\*\\*bold\\*\\*", first.Title, StringComparison.Ordinal);
        Assert.Equal("https://huggingface.co/evil/model", first.Url);
        Assert.Equal(30, payloads.Sum(p => p.Embeds!.Sum(e => e.Fields?.Count ?? 0)));
    }

    [Fact]
    public void Render_HostileName_EscapesMarkdownSoItShowsLiterally()
    {
        var payload = Assert.Single(DiscordRenderer.Render(Reply.Text("**x** _y_ `z` ||s|| [a](https://e.example) <@1> # h")));

        Assert.Equal("\\*\\*x\\*\\* \\_y\\_ \\`z\\` \\|\\|s\\|\\| \\[a\\]\\(https://e.example\\) \\<@\u200D1> # h", payload.Content);
    }

    [Fact]
    public void Render_LineStartingWithMarkdownBlock_IsEscaped()
    {
        var payload = Assert.Single(DiscordRenderer.Render(new Reply { Lines = [new("# big"), new("> quote"), new("- item"), new("1. first")] }));

        Assert.Equal("\\# big\n\\> quote\n\\- item\n1\\. first", payload.Content);
    }

    [Fact]
    public void Render_Announcement_IsOneEmbedWithLinkedTitleFieldsAndTheVendorsColour()
    {
        var reply = new Reply
        {
            Kind = ReplyKind.Announcement,
            Title = "Qwen3-Coder-480B-A35B-Instruct",
            TitleUrl = "https://huggingface.co/Qwen/Qwen3-Coder-480B-A35B-Instruct",
            Lines = [new ReplyLine("New release from Alibaba", Bold: true)],
            Fields = [new("Vendor", "Alibaba (CN)"), new("Parameters", "480B (35B active)"), new("Licence", "apache-2.0"), new("Modality", "Text"), new("Trending", "#1")],
            Links = [new ReplyLink("Model page", "https://huggingface.co/Qwen/Qwen3-Coder-480B-A35B-Instruct")],
            VendorId = "alibaba",
        };

        var embed = Assert.Single(Assert.Single(DiscordRenderer.Render(reply)).Embeds!);

        Assert.Equal("Qwen3-Coder-480B-A35B-Instruct", embed.Title);
        Assert.Equal(reply.TitleUrl, embed.Url);
        Assert.Equal(["Vendor", "Parameters", "Licence", "Modality", "Trending"], embed.Fields!.Select(f => f.Name));
        Assert.Equal(DiscordColors.ForVendor("alibaba"), embed.Color);
        Assert.Contains("[Model page](https://huggingface.co/Qwen/Qwen3-Coder-480B-A35B-Instruct)", embed.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void ForVendor_SameIdSameColour_DifferentIdsDiffer()
    {
        Assert.Equal(DiscordColors.ForVendor("deepseek"), DiscordColors.ForVendor("deepseek"));
        Assert.NotEqual(DiscordColors.ForVendor("deepseek"), DiscordColors.ForVendor("moonshot"));
        Assert.InRange(DiscordColors.ForVendor("zhipu"), 0, 0xFFFFFF);
    }

    [Fact]
    public void Render_DigestOfSixtyReleases_SplitsIntoSeveralMessagesInOrder()
    {
        var lines = Enumerable.Range(1, 60)
            .Select(i => new ReplyLine($"2025-07-{i % 28 + 1:00} · vendor-org/model-number-{i:000}-with-a-long-name-Instruct-2507 · Vendor · 235B", $"https://huggingface.co/vendor-org/model-number-{i:000}"))
            .ToList();
        var reply = new Reply { Kind = ReplyKind.Digest, Title = "Digest 2025-07-31", Lines = lines, Footer = "Change with /digest" };

        var payloads = DiscordRenderer.RenderForDelivery(reply, "digest-sub-1-2025-07-31");

        Assert.True(payloads.Count >= 2, $"{payloads.Count} messages");
        payloads.ToList().ForEach(DiscordPayloadAssert.WithinLimits);
        var text = string.Join('\n', payloads.SelectMany(p => p.Embeds!).Select(e => e.Description));
        var positions = Enumerable.Range(1, 60).Select(i => text.IndexOf($"model-number-{i:000}-", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.Equal("Digest 2025-07-31", payloads[0].Embeds![0].Title);
        Assert.Equal("Change with /digest", payloads[^1].Embeds![0].Footer!.Text);
        Assert.Equal(payloads.Count, payloads.Select(p => p.Nonce).Distinct().Count());
    }

    [Fact]
    public void Render_LongPlainText_SplitsContentAt2000()
    {
        var reply = new Reply { Lines = [.. Enumerable.Range(0, 100).Select(i => new ReplyLine($"line {i} " + new string('x', 60)))] };

        var payloads = DiscordRenderer.Render(reply);

        Assert.True(payloads.Count >= 4);
        payloads.ToList().ForEach(DiscordPayloadAssert.WithinLimits);
        Assert.StartsWith("line 0 ", payloads[0].Content, StringComparison.Ordinal);
        Assert.Contains("line 99 ", payloads[^1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderForDelivery_NonceIsStablePerDeliveryAndPart()
    {
        var reply = Reply.Text("hello");

        var first = Assert.Single(DiscordRenderer.RenderForDelivery(reply, "d-42"));
        var again = Assert.Single(DiscordRenderer.RenderForDelivery(reply, "d-42"));
        var other = Assert.Single(DiscordRenderer.RenderForDelivery(reply, "d-43"));

        Assert.Equal(first.Nonce, again.Nonce);
        Assert.NotEqual(first.Nonce, other.Nonce);
        Assert.NotEqual(DiscordNonce.For("d-42", 0), DiscordNonce.For("d-42", 1));
        Assert.True(first.EnforceNonce);
        Assert.InRange(first.Nonce!.Length, 1, DiscordLimits.Nonce);
    }

    [Fact]
    public void Serialize_Payload_UsesTheApisSnakeCaseNamesAndLeavesOutNulls()
    {
        var payload = Assert.Single(DiscordRenderer.RenderForDelivery(Reply.Text("hi"), "d-1"));

        var json = JsonSerializer.Serialize(payload);

        Assert.Contains("\"allowed_mentions\":{\"parse\":[]}", json, StringComparison.Ordinal);
        Assert.Contains("\"enforce_nonce\":true", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"embeds\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LinkWithParenthesesOrScript_IsEncodedOrDropped()
    {
        var payload = Assert.Single(DiscordRenderer.Render(new Reply
        {
            Kind = ReplyKind.List,
            Lines = [new ReplyLine("a", "https://huggingface.co/x/y)(z"), new ReplyLine("b", "javascript:alert(1)")],
        }));

        var description = payload.Embeds![0].Description;
        Assert.Equal("[a](https://huggingface.co/x/y%29%28z)\nb", description);
    }

    [Fact]
    public void Render_EmptyReply_SendsNothing() =>
        Assert.Empty(DiscordRenderer.Render(new Reply()));
}
