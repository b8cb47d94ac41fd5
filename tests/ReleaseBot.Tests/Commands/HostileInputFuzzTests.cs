using System.Globalization;
using System.Text;
using ReleaseBot.ConsoleChat;
using ReleaseBot.Core.Commands;
using ReleaseBot.Core.Replies;
using ReleaseBot.Discord.Rendering;
using ReleaseBot.Telegram.Rendering;
using ReleaseBot.Testing.FakeTelegram;
using ReleaseBot.Tests.Discord;

namespace ReleaseBot.Tests.Commands;

/// <summary>
/// 10,000 generated commands (random Unicode, long arguments, control characters, direction marks, HTML and Markdown,
/// mentions, zero-width characters) through the router on the bundled data, and every reply through every renderer.
/// Seeded: a failure names the seed and the command; set RELEASEBOT_FUZZ_SEED to replay it.
/// </summary>
public sealed class HostileInputFuzzTests
{
    private const int Commands = 10_000;

    /// <summary>Commands that only read: the store must be as it was after each of them.</summary>
    private static readonly HashSet<string> ReadOnly =
        new(["latest", "rank", "vendors", "vendor", "model", "settings", "why", "help", "start", "status"], StringComparer.OrdinalIgnoreCase);

    private static readonly string[] Hostile =
    [
        "<b>bold</b>", "<a href=\"javascript:alert(1)\">x</a>", "</code>", "<tg-spoiler>", "&amp;", "&#x1F600;", "&", "<", ">",
        "**bold**", "__u__", "`code`", "```block```", "||spoiler||", "[link](https://evil.example)", "~~s~~", "> quote", "# head",
        "@everyone", "@here", "<@123456789012345678>", "<@&42>", "<#42>", "@channel", "@", "\u202Eevil\u202C", "\u200F", "\u2066x\u2069",
        "\u200B", "\u200C", "\u200D", "\uFEFF", "\u0000", "\u001B[31m", "\r\n", "\t", "\u0085", "\u2028", "🦜", "👨‍👩‍👧", "e\u0301",
        "Qwen", "qwen", "zai-org", "Qwen/Qwen3-30B-A3B-Thinking-2507", "zai-org/GLM-4.5", "moonshotai/*", "a/b", "/", "//", "../..",
        "0", "-1", "21", "99999999999999999999", "1e9", "NaN", "09:00", "25:61", "Asia/Shanghai", "Mars/Olympus", "UTC",
        "add", "remove", "en", "zh", "中文", "instant", "digest", "both", "'; DROP TABLE releases; --", "$where", "{\"$gt\":\"\"}",
    ];

    [Fact]
    public async Task Router_TenThousandHostileCommands_NoThrowEveryReplyWithinLimitsReadsChangeNothing()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("RELEASEBOT_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 20250731;
        var random = new Random(seed);
        using var h = await CommandHarness.WithBundledDataAsync();
        var telegram = new TelegramRenderer();
        var names = CommandCatalog.All.Select(c => c.Name).Append("start").Append("frobnicate").ToArray();
        var fingerprint = await h.FingerprintAsync();

        for (var i = 0; i < Commands; i++)
        {
            var text = Command(random, names);
            h.Environment.SenderIsAdmin = random.Next(3) == 0;
            var where = $"seed {seed}, command #{i}: {Visible(text)}";
            Reply reply;
            try
            {
                reply = await h.SendAsync(text, clientLanguage: random.Next(4) == 0 ? "zh" : null, isPrivate: random.Next(2) == 0);
            }
            catch (Exception ex)
            {
                Assert.Fail($"{where} threw {ex}");
                return;
            }

            CheckRenderers(reply, telegram, where);
            var after = await h.FingerprintAsync();
            if (IsReadOnly(text) || !h.Environment.SenderIsAdmin)
            {
                Assert.True(fingerprint == after, $"{where} changed the store");
            }

            fingerprint = after;
        }
    }

    private static void CheckRenderers(Reply reply, TelegramRenderer telegram, string where)
    {
        var console = ConsoleRenderer.Render(reply);
        Assert.False(console.Any(c => char.IsControl(c) && c != '\n'), $"{where}: console text holds a control character");

        var parts = telegram.Render(reply);
        Assert.NotEmpty(parts);
        foreach (var part in parts)
        {
            Assert.True(FakeTelegramHtml.TryParse(part.Html, out var plain, out var error), $"{where}: Telegram rejects the HTML ({error})");
            Assert.True(plain.Length <= 4096, $"{where}: Telegram text of {plain.Length} characters");
            Assert.DoesNotContain("<a href=\"javascript:", part.Html, StringComparison.OrdinalIgnoreCase);
        }

        var payloads = DiscordRenderer.Render(reply);
        Assert.NotEmpty(payloads);
        foreach (var payload in payloads)
        {
            DiscordPayloadAssert.WithinLimits(payload);
            foreach (var shown in DiscordPayloadAssert.Texts(payload))
            {
                Assert.False(shown.Contains("@everyone", StringComparison.Ordinal) || shown.Contains("@here", StringComparison.Ordinal), $"{where}: Discord text can ping");
                Assert.False(shown.Any(c => c is '\u202E' or '\u202D' or '\u2066' or '\u2067' or '\u2068'), $"{where}: Discord text holds a direction override");
            }
        }
    }

    private static bool IsReadOnly(string text)
    {
        var first = text.TrimStart().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
        return !first.StartsWith('/') || ReadOnly.Contains(first[1..]) || CommandCatalog.Find(first[1..]) is null;
    }

    private static string Command(Random random, string[] names)
    {
        var text = new StringBuilder();
        text.Append(random.Next(20) == 0 ? Fragment(random) : "/" + names[random.Next(names.Length)]);
        var args = random.Next(5);
        for (var a = 0; a < args; a++)
        {
            text.Append(random.Next(10) == 0 ? "\u00A0" : " ").Append(Fragment(random));
        }

        return text.ToString();
    }

    private static string Fragment(Random random) => random.Next(6) switch
    {
        0 => RandomUnicode(random, random.Next(1, 12)),
        1 => new string((char)random.Next(0x21, 0x7F), random.Next(100, 700)),
        2 => RandomUnicode(random, random.Next(200, 600)),
        3 => Hostile[random.Next(Hostile.Length)] + Hostile[random.Next(Hostile.Length)],
        _ => Hostile[random.Next(Hostile.Length)],
    };

    /// <summary>Valid Unicode scalar values from the whole range (controls, marks, astral planes), no lone surrogates.</summary>
    private static string RandomUnicode(Random random, int length)
    {
        var text = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            var scalar = random.Next(4) switch
            {
                0 => random.Next(0, 0x80),
                1 => random.Next(0x80, 0x3000),
                2 => random.Next(0x3000, 0xD800),
                _ => random.Next(0xE000, 0x110000),
            };
            if (scalar is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            text.Append(char.ConvertFromUtf32(scalar));
        }

        return text.ToString();
    }

    private static string Visible(string text)
    {
        var shown = string.Concat(text.Take(200).Select(c => c < 0x20 || c is >= '\u007F' and <= '\u009F' || c is >= '\u200B' and <= '\u200F' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069'
            ? $"\\u{(int)c:X4}" : c.ToString()));
        return text.Length > 200 ? shown + $"… ({text.Length} chars)" : shown;
    }
}
