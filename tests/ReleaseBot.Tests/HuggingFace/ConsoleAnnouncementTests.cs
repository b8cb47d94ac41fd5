using ReleaseBot.Testing.FakeHub;
using ReleaseBot.Testing.Hosting;
using ReleaseBot.Testing.Store;

namespace ReleaseBot.Tests.HuggingFace;

/// <summary>The real bot as a child process, its Hub base URL on a fake Hub (the README's console chat).</summary>
public sealed class ConsoleAnnouncementTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Run_ModelAddedToFakeHub_PrintedAsAnnouncementOnce()
    {
        await using var hub = await FakeHubServer.StartAsync();
        hub.AddRange([FakeHubSamples.KimiK2Thinking(), FakeHubSamples.MiniMaxM2()]);
        var settings = BotSettings.Defaults("data/bot.db");
        settings["ReleaseBot:Console:Mode"] = "Auto";
        settings["ReleaseBot:Seed:Enabled"] = "true";
        settings["ReleaseBot:HuggingFace:Enabled"] = "true";
        settings["ReleaseBot:HuggingFace:BaseUrl"] = hub.BaseUrl.ToString();
        settings["ReleaseBot:HuggingFace:PollInterval"] = "00:00:00.300";
        settings["ReleaseBot:HuggingFace:TrendingInterval"] = "01:00:00";
        await using var bot = BotProcess.Start(_dir.Path, settings);

        // Two polls of the first org mean the first cycle, the silent baseline, is complete.
        await WaitUntilAsync(() => hub.CountRequests("author=moonshotai&") >= 2);
        hub.Add(FakeHubSamples.Model("Qwen/Qwen3-Omni-30B-A3B-Instruct", "2025-07-30T09:00:00Z", parameters: 35_259_818_545));
        await bot.WaitForOutputAsync(o => o.Contains("Qwen/Qwen3-Omni-30B-A3B-Instruct", StringComparison.Ordinal), Timeout);
        var seen = hub.CountRequests("author=Qwen&");
        await WaitUntilAsync(() => hub.CountRequests("author=Qwen&") >= seen + 3);
        bot.CloseInput();

        Assert.Equal(0, await bot.WaitForExitAsync(Timeout));
        var stdout = bot.StandardOutput;
        Assert.Equal(1, Occurrences(stdout, "📣"));
        Assert.DoesNotContain("Kimi-K2-Thinking", stdout, StringComparison.Ordinal);
        Assert.Equal(1, hub.CountRequests("/api/models/Qwen/Qwen3-Omni-30B-A3B-Instruct"));
    }

    public void Dispose() => _dir.Dispose();

    private static int Occurrences(string text, string value) =>
        (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(Timeout);
        while (!condition())
        {
            await Task.Delay(50, cts.Token);
        }
    }
}
