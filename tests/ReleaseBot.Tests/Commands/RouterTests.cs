using ReleaseBot.Core.Commands;
using ReleaseBot.Core.Replies;
using ReleaseBot.Testing.Rendering;

namespace ReleaseBot.Tests.Commands;

public sealed class RouterTests
{
    [Theory]
    [InlineData("/frobnicate", "Unknown command /frobnicate")]
    [InlineData("latest", "Unknown command latest")]
    [InlineData("/", "Unknown command /")]
    [InlineData("   ", "Unknown command")]
    public async Task Handle_UnknownCommand_PointsToHelp(string text, string expected)
    {
        using var h = await CommandHarness.WithVendorsAsync();

        var reply = await h.SendAsync(text);

        Assert.Equal(ReplyKind.Error, reply.Kind);
        Assert.Contains(expected, reply.ToConsoleText(), StringComparison.Ordinal);
        Assert.Contains("/help", reply.ToConsoleText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_VeryLongInput_RefusedBeforeParsing()
    {
        using var h = await CommandHarness.WithVendorsAsync();
        var before = await h.FingerprintAsync();

        var reply = await h.SendAsync("/subscribe " + new string('x', 5000));

        Assert.Equal(ReplyKind.Error, reply.Kind);
        Assert.Contains("too long", reply.ToConsoleText(), StringComparison.Ordinal);
        Assert.Equal(before, await h.FingerprintAsync());
    }

    [Fact]
    public async Task Handle_TypedArgs_TakenAsTheyAreNotSplit()
    {
        using var h = await CommandHarness.WithVendorsAsync();

        var reply = await h.SendArgsAsync("/vendor", "moonshot ai");

        Assert.Equal(ReplyKind.Info, reply.Kind);
        Assert.Contains("Moonshot AI", reply.ToConsoleText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_VeryLongTypedArgs_RefusedBeforeParsing()
    {
        using var h = await CommandHarness.WithVendorsAsync();
        var before = await h.FingerprintAsync();

        var reply = await h.SendArgsAsync("/subscribe", new string('x', 5000));

        Assert.Contains("too long", reply.ToConsoleText(), StringComparison.Ordinal);
        Assert.Equal(before, await h.FingerprintAsync());
    }

    [Theory]
    [InlineData("/help")]
    [InlineData("/start")]
    [InlineData("/HELP")]
    public async Task Help_ListsEveryCommandWithUsage(string text)
    {
        using var h = await CommandHarness.WithVendorsAsync();

        var reply = await h.SendAsync(text);

        Assert.Equal("ReleaseBot commands", reply.Title);
        foreach (var command in CommandCatalog.All)
        {
            Assert.Contains(reply.Lines, l => l.Text.StartsWith(command.Usage, StringComparison.Ordinal));
        }

        Assert.Contains(reply.Lines, l => l.Text.StartsWith(
            "/subscribe [vendors…|all] [instant|digest|both] [text|vision|image|video|audio|3d|multimodal|other…|any] [min:30b] [official|derivatives] [ranks:on|off] *",
            StringComparison.Ordinal));
    }

    [Fact]
    public void Catalog_EveryCommandHasBothDescriptionsAndAHandler()
    {
        using var h = new CommandHarness();
        Assert.Equal(14, CommandCatalog.All.Count);
        Assert.All(CommandCatalog.All, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.DescriptionEn));
            Assert.False(string.IsNullOrWhiteSpace(c.DescriptionZh));
            Assert.True(c.DescriptionEn.Length <= 100, "Discord limits descriptions to 100 characters");
            Assert.Matches("^[a-z]{1,32}$", c.Name);
        });
    }
}
