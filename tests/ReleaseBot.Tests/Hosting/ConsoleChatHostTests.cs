using Microsoft.Extensions.DependencyInjection;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.Testing.Builders;
using ReleaseBot.Testing.Hosting;

namespace ReleaseBot.Tests.Hosting;

/// <summary>The real host in process: events flow through planner, outbox and dispatcher to the console chat.</summary>
public sealed class ConsoleChatHostTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task ReleaseDetected_PublishedTwice_PrintedOnceAndRecordedSent()
    {
        await using var bot = await ConsoleBotHost.StartAsync();
        var release = new ReleaseBuilder("Qwen/Qwen4-Omni-999B-A42B", "alibaba").Build();
        var releases = bot.Services.GetRequiredService<IReleaseStore>();
        var sink = bot.Services.GetRequiredService<IEventSink>();
        Assert.True(await releases.TryAddReleaseAsync(release, Ct));

        var planned = await sink.PublishAsync(BotEvent.ReleaseDetected(release, DateTimeOffset.UtcNow), Ct);
        var plannedAgain = await sink.PublishAsync(BotEvent.ReleaseDetected(release, DateTimeOffset.UtcNow), Ct);
        await bot.Output.WaitForAsync(t => t.Contains("Qwen/Qwen4-Omni-999B-A42B", StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        Assert.Equal(1, planned);
        Assert.Equal(0, plannedAgain);
        var outbox = bot.Services.GetRequiredService<IOutbox>();
        var deliveries = await outbox.GetBySubscriptionAsync("console", Ct);
        var delivery = Assert.Single(deliveries);
        await WaitUntilAsync(async () => (await outbox.GetAsync(delivery.Id, Ct))?.State == DeliveryState.Sent);
        Assert.Equal(1, Occurrences(bot.Output.Text, "📣"));
    }

    [Fact]
    public async Task Restart_SameDataFile_KeepsSettingsAndDoesNotResendDelivered()
    {
        string dataPath;
        using var dir = new ReleaseBot.Testing.Store.TempDirectory();
        dataPath = dir.File("bot.db");
        var release = new ReleaseBuilder("zai-org/GLM-5", "zhipu").Build();

        await using (var first = await ConsoleBotHost.StartAsync(dataPath))
        {
            Assert.Contains("中文", await first.AskAsync("/lang zh"), StringComparison.Ordinal);
            await first.Services.GetRequiredService<IReleaseStore>().TryAddReleaseAsync(release, Ct);
            await first.Services.GetRequiredService<IEventSink>().PublishAsync(BotEvent.ReleaseDetected(release, DateTimeOffset.UtcNow), Ct);
            await first.Output.WaitForAsync(t => t.Contains("zai-org/GLM-5", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        }

        await using var second = await ConsoleBotHost.StartAsync(dataPath);
        var settings = await second.AskAsync("/settings");

        Assert.Contains("中文", settings, StringComparison.Ordinal);
        Assert.DoesNotContain("zai-org/GLM-5", second.Output.Text[..^settings.Length], StringComparison.Ordinal);
        var releases = await second.Services.GetRequiredService<IReleaseStore>().CountReleasesAsync(Ct);
        Assert.Equal(60, releases);
    }

    [Fact]
    public async Task Subscribe_FilterWords_ShownBySettings()
    {
        await using var bot = await ConsoleBotHost.StartAsync();

        var done = await bot.AskAsync("/subscribe qwen text min:30b derivatives ranks:off");
        var settings = await bot.AskAsync("/settings");

        Assert.Contains("Modalities: text. Minimum size: 30B. Official only: no. Rank alerts: no.", done, StringComparison.Ordinal);
        Assert.Contains("30B", settings, StringComparison.Ordinal);
        Assert.Contains("Alibaba", settings, StringComparison.Ordinal);
    }

    private static int Occurrences(string text, string value) =>
        (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            await Task.Delay(50, cts.Token);
        }
    }
}
