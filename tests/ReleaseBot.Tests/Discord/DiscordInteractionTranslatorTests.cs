using ReleaseBot.Testing.Rendering;
using System.Text.Json;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.Discord.Receiving;
using ReleaseBot.Testing.Builders;
using ReleaseBot.Testing.Store;
using ReleaseBot.Tests.Commands;

namespace ReleaseBot.Tests.Discord;

public sealed class DiscordInteractionTranslatorTests : IDisposable
{
    private readonly TestStore _store = TestStore.Create();
    private readonly DiscordInteractionTranslator _translator;
    private DiscordInvocation? _invocation;

    public DiscordInteractionTranslatorTests()
    {
        _store.Vendors.UpsertVendorsAsync(VendorBuilder.Catalogue, CancellationToken.None).GetAwaiter().GetResult();
        _translator = new DiscordInteractionTranslator(_store.Vendors);
    }

    public void Dispose() => _store.Dispose();

    [Theory]
    [InlineData("latest", """[{"name":"vendor","type":3,"value":"Qwen"},{"name":"count","type":4,"value":7}]""", "/latest alibaba 7")]
    [InlineData("latest", """[{"name":"vendor","type":3,"value":"moonshot ai"}]""", "/latest moonshot")]
    [InlineData("rank", """[{"name":"top","type":4,"value":25}]""", "/rank 25")]
    [InlineData("vendor", """[{"name":"name","type":3,"value":"月之暗面"}]""", "/vendor 月之暗面")]
    [InlineData("model", """[{"name":"repo","type":3,"value":" Qwen/Qwen3-Coder-480B-A35B-Instruct "}]""", "/model Qwen/Qwen3-Coder-480B-A35B-Instruct")]
    [InlineData("subscribe", """[{"name":"vendors","type":3,"value":"qwen, moonshot ai 智谱AI"},{"name":"mode","type":3,"value":"digest"}]""", "/subscribe alibaba moonshot zhipu digest")]
    [InlineData("subscribe", """[{"name":"vendors","type":3,"value":"all"}]""", "/subscribe all")]
    [InlineData("subscribe", """[{"name":"vendors","type":3,"value":"qwen"},{"name":"modality","type":3,"value":"text"},{"name":"min_params","type":3,"value":"30b"},{"name":"official","type":5,"value":false},{"name":"rank_alerts","type":5,"value":true}]""", "/subscribe alibaba text min:30b derivatives ranks:on")]
    [InlineData("digest", """[{"name":"time","type":3,"value":"09:00"},{"name":"zone","type":3,"value":"Asia/Shanghai"}]""", "/digest 09:00 Asia/Shanghai")]
    [InlineData("watch", """[{"name":"pattern","type":3,"value":"stepfun-ai/step3*"}]""", "/watch add stepfun-ai/step3*")]
    [InlineData("watch", """[{"name":"pattern","type":3,"value":"remove"}]""", "/watch add remove")]
    [InlineData("watch", """[{"name":"action","type":3,"value":"remove"},{"name":"pattern","type":3,"value":"stepfun-ai/step3*"}]""", "/watch remove stepfun-ai/step3*")]
    [InlineData("lang", """[{"name":"language","type":3,"value":"zh"}]""", "/lang zh")]
    [InlineData("help", "[]", "/help")]
    public async Task TranslateAsync_TypedOptions_BecomeTheCommandLine(string command, string options, string expected)
    {
        var input = await TranslateAsync(Interaction(command, options));

        Assert.True(input.Accepted, input.Refusal?.ToConsoleText());
        Assert.Equal(expected, input.Request.Text);
    }

    [Theory]
    [InlineData("latest", """[{"name":"vendor","type":3,"value":"qwen 20"}]""")]
    [InlineData("latest", """[{"name":"vendor","type":3,"value":"5"}]""")]
    [InlineData("subscribe", """[{"name":"vendors","type":3,"value":"qwen instant"}]""")]
    [InlineData("subscribe", """[{"name":"mode","type":3,"value":"qwen"}]""")]
    [InlineData("subscribe", """[{"name":"vendors","type":3,"value":"qwen digest"}]""")]
    [InlineData("subscribe", """[{"name":"modality","type":3,"value":"text vision"}]""")]
    [InlineData("subscribe", """[{"name":"official","type":3,"value":"maybe"}]""")]
    [InlineData("model", """[{"name":"repo","type":3,"value":"a/b c/d"}]""")]
    [InlineData("digest", """[{"name":"time","type":3,"value":"09:00 Asia/Tokyo"}]""")]
    [InlineData("digest", """[{"name":"time","type":3,"value":"09:00\u3000Asia/Tokyo"}]""")]
    [InlineData("watch", """[{"name":"pattern","type":3,"value":"remove evil/*"}]""")]
    [InlineData("watch", """[{"name":"pattern","type":3,"value":"evil/*\nremove"}]""")]
    [InlineData("lang", """[{"name":"language","type":3,"value":"en zh"}]""")]
    public async Task TranslateAsync_ValueThatWouldAddArguments_IsRefusedWithUsage(string command, string options)
    {
        var input = await TranslateAsync(Interaction(command, options));

        Assert.False(input.Accepted);
        Assert.Equal(Core.Replies.ReplyKind.Error, input.Refusal.Kind);
    }

    [Fact]
    public async Task TranslateAsync_TypedOptions_AreTheRequestsArgsExactly()
    {
        var input = await TranslateAsync(Interaction("subscribe", """[{"name":"vendors","type":3,"value":"qwen, moonshot ai"},{"name":"min_params","type":3,"value":"30b ranks:off"}]"""));

        Assert.Equal(["alibaba", "moonshot", "min:30b ranks:off"], input.Request!.Args);
    }

    [Fact]
    public async Task TranslateAsync_InvisibleAndDirectionCharacters_AreRemovedFromValues()
    {
        var input = await TranslateAsync(Interaction("model", """[{"name":"repo","type":3,"value":"\u202EQwen/Qwen3\u200B-8B\u0000"}]"""));

        Assert.Equal("/model Qwen/Qwen3-8B", input.Request!.Text);
    }

    [Fact]
    public async Task TranslateAsync_GuildChannel_IsTheChatAndMemberPermissionsDecideManagement()
    {
        var input = await TranslateAsync(Interaction("settings", "[]", permissions: "2048"));

        Assert.Equal(new ChatAddress(Platform.Discord, "645027906669510667"), input.Request!.Chat);
        Assert.Equal("discord:645027906669510667", input.Request.Chat.Key);
        Assert.Equal("290926798626357999", _invocation!.GuildId);
        Assert.Equal("53908232506183680", input.Request.SenderId);
        Assert.False(input.Request.IsPrivate);
        Assert.False(_invocation.SenderCanManage);
    }

    [Fact]
    public async Task TranslateAsync_InThread_ChatAddsTheThreadId()
    {
        var input = await TranslateAsync(Interaction("settings", "[]", channel: """{"id":"777","type":11,"parent_id":"645027906669510667"}"""));

        Assert.Equal("discord:645027906669510667:777", input.Request!.Chat.Key);
        Assert.Equal("777", DiscordChatAddresses.PostChannelId(input.Request.Chat));
    }

    [Fact]
    public async Task TranslateAsync_PickedChannel_IsTheChatWithTheMembersPermissionsThere()
    {
        var resolved = """{"channels":{"888":{"id":"888","type":0,"name":"releases","permissions":"16","app_permissions":"19456"}}}""";

        var input = await TranslateAsync(Interaction("subscribe", """[{"name":"channel","type":7,"value":"888"}]""", permissions: "2048", resolved: resolved));

        Assert.Equal("discord:888", input.Request!.Chat.Key);
        Assert.Equal("releases", input.Request.ChatTitle);
        Assert.True(_invocation!.SenderCanManage);
    }

    [Fact]
    public async Task TranslateAsync_PickedChannelWhereTheBotCannotPost_IsRefused()
    {
        var resolved = """{"channels":{"888":{"id":"888","type":0,"name":"releases","permissions":"16","app_permissions":"3072"}}}""";

        var input = await TranslateAsync(Interaction("subscribe", """[{"name":"channel","type":7,"value":"888"}]""", resolved: resolved));

        Assert.False(input.Accepted);
        Assert.Contains("#releases", input.Refusal!.ToConsoleText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TranslateAsync_DirectMessage_IsPrivateAndTheSenderManagesIt()
    {
        var json = """{"type":2,"id":"1","channel_id":"555","context":1,"user":{"id":"42"},"data":{"name":"settings"}}""";

        var input = await TranslateAsync(JsonSerializer.Deserialize<InteractionPayload>(json)!);

        Assert.True(input.Request!.IsPrivate);
        Assert.True(_invocation!.SenderCanManage);
        Assert.Equal("42", input.Request.SenderId);
    }

    [Fact]
    public async Task ChoicesAsync_VendorPrefix_AnswersVendorIdsWithinLimits()
    {
        var autocomplete = new DiscordAutocomplete(_store.Vendors);
        var json = """{"type":4,"id":"1","data":{"name":"latest","options":[{"type":3,"name":"vendor","value":"moon","focused":true}]}}""";

        var choices = await autocomplete.ChoicesAsync(JsonSerializer.Deserialize<InteractionPayload>(json)!, CancellationToken.None);

        Assert.Equal("moonshot", choices[0].Value);
        Assert.InRange(choices.Count, 1, 25);
        Assert.All(choices, c => Assert.InRange(c.Name.Length, 1, 100));
        var all = await autocomplete.ChoicesAsync(JsonSerializer.Deserialize<InteractionPayload>(json.Replace("moon", "", StringComparison.Ordinal))!, CancellationToken.None);
        Assert.Equal(Math.Min(25, VendorBuilder.Catalogue.Count), all.Count);
    }

    [Fact]
    public void Zones_Prefix_AnswersIanaIds() =>
        Assert.Contains(DiscordAutocomplete.Zones("Asia/Sha"), c => c.Value == "Asia/Shanghai");

    private Task<DiscordCommandInput> TranslateAsync(InteractionPayload interaction) =>
        _translator.TranslateAsync(interaction, i => { _invocation = i; return new FakeChatEnvironment(); }, CancellationToken.None);

    private static InteractionPayload Interaction(string command, string options, string permissions = "2147483647", string? channel = null, string? resolved = null)
    {
        var json = $$$"""
            {"type":2,"id":"786008729715212338","guild_id":"290926798626357999","channel_id":"645027906669510667","locale":"en-US",
             {{{(channel is null ? "" : $"\"channel\":{channel},")}}}
             "member":{"user":{"id":"53908232506183680","username":"Mason"},"roles":["539082325061836999"],"permissions":"{{{permissions}}}"},
             "data":{"type":1,"name":"{{{command}}}","id":"771825006014889984","options":{{{options}}}{{{(resolved is null ? "" : $",\"resolved\":{resolved}")}}}}}
            """;
        return JsonSerializer.Deserialize<InteractionPayload>(json)!;
    }
}
