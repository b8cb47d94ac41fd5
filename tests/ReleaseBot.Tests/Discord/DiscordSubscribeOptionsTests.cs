using System.Text.Json;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Replies;
using ReleaseBot.Discord.Receiving;
using ReleaseBot.Testing.Rendering;
using ReleaseBot.Tests.Commands;

namespace ReleaseBot.Tests.Discord;

/// <summary>Discord's typed /subscribe options through the translator and the real router, over a LiteDB file.</summary>
public sealed class DiscordSubscribeOptionsTests
{
    private const string Channel = "645027906669510667";

    [Fact]
    public async Task Subscribe_EveryTypedOption_StoresTheSameFiltersAsTheWords()
    {
        using var h = await HarnessAsync();

        var reply = await RouteAsync(h, """
            [{"name":"vendors","type":3,"value":"qwen, zhipu"},{"name":"mode","type":3,"value":"both"},{"name":"modality","type":3,"value":"vision"},
             {"name":"min_params","type":3,"value":"1.5b"},{"name":"official","type":5,"value":false},{"name":"rank_alerts","type":5,"value":false}]
            """);

        Assert.Equal(ReplyKind.Done, reply.Kind);
        var subscription = (await h.SubscriptionAsync())!;
        Assert.Equal(["alibaba", "zhipu"], subscription.Filter.Vendors);
        Assert.Equal(DeliveryMode.Both, subscription.Mode);
        Assert.Equal([Modality.Vision], subscription.Filter.Modalities);
        Assert.Equal(1_500_000_000L, subscription.Filter.MinParams);
        Assert.False(subscription.Filter.OfficialOnly);
        Assert.False(subscription.Filter.RankAlerts);
    }

    [Fact]
    public async Task Subscribe_ModeWordInTheVendorsBox_IsAnUnknownVendorAndTheModeStays()
    {
        using var h = await HarnessAsync();
        await RouteAsync(h, """[{"name":"vendors","type":3,"value":"zhipu"}]""");
        var before = await h.FingerprintAsync();

        var input = await TranslateAsync(h, """[{"name":"vendors","type":3,"value":"qwen digest"}]""");

        Assert.False(input.Accepted);
        Assert.Contains("Unknown vendor \"digest\"", input.Refusal!.ToConsoleText(), StringComparison.Ordinal);
        Assert.Equal(DeliveryMode.Instant, (await h.SubscriptionAsync())!.Mode);
        Assert.Equal(before, await h.FingerprintAsync());
    }

    [Fact]
    public async Task Subscribe_SizeBoxHidingAnotherWord_ReachesTheHandlerAsOneArgumentAndIsRefused()
    {
        using var h = await HarnessAsync();
        await RouteAsync(h, """[{"name":"vendors","type":3,"value":"zhipu"}]""");
        var before = await h.FingerprintAsync();

        var reply = await RouteAsync(h, """[{"name":"min_params","type":3,"value":"30b ranks:off official"}]""");

        Assert.Equal(ReplyKind.Error, reply.Kind);
        Assert.Contains("\"min:30b ranks:off official\" is not a minimum size", reply.ToConsoleText(), StringComparison.Ordinal);
        Assert.Equal(before, await h.FingerprintAsync());
    }

    private static async Task<CommandHarness> HarnessAsync()
    {
        var h = await CommandHarness.WithVendorsAsync();
        h.Chat = new ChatAddress(Platform.Discord, Channel);
        return h;
    }

    private static async Task<Reply> RouteAsync(CommandHarness h, string options)
    {
        var input = await TranslateAsync(h, options);
        Assert.True(input.Accepted, input.Refusal?.ToConsoleText());
        return await h.Router.HandleAsync(input.Request, CancellationToken.None);
    }

    private static Task<DiscordCommandInput> TranslateAsync(CommandHarness h, string options)
    {
        var json = $$$"""
            {"type":2,"id":"1","guild_id":"290926798626357999","channel_id":"{{{Channel}}}","locale":"en-US",
             "member":{"user":{"id":"42"},"permissions":"2147483647"},
             "data":{"type":1,"name":"subscribe","options":{{{options}}}}}
            """;
        return new DiscordInteractionTranslator(h.Store.Vendors)
            .TranslateAsync(JsonSerializer.Deserialize<InteractionPayload>(json)!, _ => h.Environment, CancellationToken.None);
    }
}
