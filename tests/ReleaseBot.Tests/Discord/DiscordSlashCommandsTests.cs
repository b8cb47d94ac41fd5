using System.Text.Json;
using System.Text.RegularExpressions;
using ReleaseBot.Core.Commands;
using ReleaseBot.Discord.Commands;

namespace ReleaseBot.Tests.Discord;

public sealed partial class DiscordSlashCommandsTests
{
    [Fact]
    public void Build_EveryCommandAndOption_MeetsDiscordsRegistrationRules()
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(DiscordSlashCommands.Build()));
        var commands = json.RootElement.EnumerateArray().ToList();

        Assert.Equal(CommandCatalog.All.Select(c => c.Name), commands.Select(c => c.GetProperty("name").GetString()));
        foreach (var command in commands)
        {
            AssertNameAndDescription(command);
            Assert.Equal(1, command.GetProperty("type").GetInt32());
            var options = command.TryGetProperty("options", out var o) ? o.EnumerateArray().ToList() : [];
            Assert.True(options.Count <= 25);
            var required = options.Select(x => x.GetProperty("required").GetBoolean()).ToList();
            Assert.Equal(required.OrderByDescending(r => r), required); // required options come first
            foreach (var option in options)
            {
                AssertNameAndDescription(option);
                Assert.False(option.TryGetProperty("autocomplete", out _) && option.TryGetProperty("choices", out _));
                foreach (var choice in option.TryGetProperty("choices", out var ch) ? ch.EnumerateArray() : default)
                {
                    Assert.InRange(choice.GetProperty("name").GetString()!.Length, 1, 100);
                    Assert.InRange(choice.GetProperty("value").GetString()!.Length, 1, 100);
                }
            }
        }
    }

    [Fact]
    public void Build_ManagementCommands_NeedManageChannelsAndAServer()
    {
        var byName = DiscordSlashCommands.Build().ToDictionary(c => c.Name);

        foreach (var info in CommandCatalog.All)
        {
            var command = byName[info.Name];
            Assert.Equal(info.NeedsAdmin ? "16" : null, command.DefaultMemberPermissions);
            Assert.Equal(info.NeedsAdmin ? [0] : [0, 1], command.Contexts);
            if (info.Name != "subscribe")
            {
                Assert.Equal(info.DescriptionZh, command.DescriptionLocalizations!["zh-CN"]);
            }
        }

        Assert.Equal("\"16\"", JsonSerializer.Serialize(byName["subscribe"].DefaultMemberPermissions));
    }

    [Fact]
    public void Build_TypedOptions_MatchTheCommandsRanges()
    {
        var byName = DiscordSlashCommands.Build().ToDictionary(c => c.Name);

        var count = byName["latest"].Options!.Single(o => o.Name == "count");
        Assert.Equal((DiscordOptionType.Integer, 1, 20), (count.Type, count.MinValue!.Value, count.MaxValue!.Value));
        Assert.True(byName["latest"].Options!.Single(o => o.Name == "vendor").Autocomplete);
        Assert.Equal(50, byName["rank"].Options!.Single().MaxValue);
        Assert.Equal([0, 5], byName["subscribe"].Options!.Single(o => o.Name == "channel").ChannelTypes);
        Assert.Equal(["instant", "digest", "both"], byName["subscribe"].Options!.Single(o => o.Name == "mode").Choices!.Select(c => c.Value));
        Assert.Equal(["en", "zh"], byName["lang"].Options!.Single().Choices!.Select(c => c.Value));
        Assert.Equal(["vendors", "mode", "modality", "min_params", "official", "rank_alerts", "channel"], byName["subscribe"].Options!.Select(o => o.Name));
        Assert.Equal(["text", "vision", "image", "video", "audio", "3d", "multimodal", "other", "any"],
            byName["subscribe"].Options!.Single(o => o.Name == "modality").Choices!.Select(c => c.Value));
        Assert.Equal(DiscordOptionType.String, byName["subscribe"].Options!.Single(o => o.Name == "min_params").Type);
        Assert.Equal(DiscordOptionType.Boolean, byName["subscribe"].Options!.Single(o => o.Name == "official").Type);
        Assert.Equal(DiscordOptionType.Boolean, byName["subscribe"].Options!.Single(o => o.Name == "rank_alerts").Type);
        Assert.True(byName["vendor"].Options!.Single().Required);
    }

    private static void AssertNameAndDescription(JsonElement element)
    {
        var name = element.GetProperty("name").GetString()!;
        Assert.Matches(NameRule(), name);
        Assert.Equal(name.ToLowerInvariant(), name);
        Assert.InRange(element.GetProperty("description").GetString()!.Length, 1, 100);
        foreach (var localized in element.GetProperty("description_localizations").EnumerateObject())
        {
            Assert.InRange(localized.Value.GetString()!.Length, 1, 100);
        }
    }

    [GeneratedRegex(@"^[-_\p{L}\p{N}]{1,32}$")]
    private static partial Regex NameRule();
}
