using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReleaseBot.ConsoleChat;
using ReleaseBot.Testing.FakeHub;
using ReleaseBot.Testing.Hosting;
using Xunit.Abstractions;

namespace ReleaseBot.Tests.HuggingFace;

/// <summary>
/// The Hub fails for a stretch and recovers, with the whole bot running (pollers, dispatcher, console chat): the host
/// stays up, commands answer from the store, the bot does not hammer the Hub, and every model added during the outage
/// is announced once after it.
/// </summary>
public sealed class HubOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan OutageLength = TimeSpan.FromSeconds(5);
    private static readonly string[] AddedDuringOutage = ["Qwen/Qwen3-Outage-8B", "zai-org/GLM-Outage", "MiniMaxAI/MiniMax-Outage"];

    public static TheoryData<string> Outages => ["500s", "hang", "malformed JSON", "429 storm"];

    [Theory]
    [MemberData(nameof(Outages))]
    public async Task Outage_ModelsAddedDuringIt_HostAnswersAndEachIsAnnouncedOnceAfterRecovery(string kind)
    {
        await using var hub = await FakeHubServer.StartAsync();
        hub.AddRange([FakeHubSamples.KimiK2Thinking(), FakeHubSamples.MiniMaxM2()]);
        var input = new LineQueueReader();
        var console = new CapturingWriter();
        await using var bot = BotFixture.BuildWithoutStarting(new BotFixtureOptions()
            .WithHub(hub)
            .WithConsole(new ConsoleIo(input, console))
            .With("ReleaseBot:HuggingFace:Enabled", "true")
            .With("ReleaseBot:HuggingFace:PollInterval", PollInterval.ToString("c", System.Globalization.CultureInfo.InvariantCulture))
            .With("ReleaseBot:HuggingFace:TrendingInterval", "01:00:00")
            // The Hub's 30 s hang is cut by a 1 s per-attempt timeout here (30 s in production).
            .With("ReleaseBot:HuggingFace:RequestTimeout", "00:00:01")
            .With("ReleaseBot:Dispatch:PollInterval", "00:00:00.100"));
        await bot.Vendors.UpsertVendorsAsync(HubHarness.Vendors, CancellationToken.None);
        await bot.StartAsync();
        // Two polls of the first org mean the first cycle, the silent baseline, is complete.
        await Wait.UntilAsync(() => hub.CountRequests("author=moonshotai&") >= 2, "the baseline poll");

        hub.FailAll(Fault(kind));
        var outage = Stopwatch.StartNew();
        foreach (var id in AddedDuringOutage)
        {
            hub.Add(FakeHubSamples.Model(id, "2025-08-01T00:00:00Z"));
        }

        var latest = await AskAsync(input, console, "/latest");
        await Task.Delay(OutageLength);
        var stopping = bot.Get<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested;
        var during = hub.OutageRequests;
        var perSecond = during / outage.Elapsed.TotalSeconds;
        var announcedDuring = AddedDuringOutage.Sum(id => Announcements(console.Text, id));
        hub.Recover();
        var recovery = Stopwatch.StartNew();
        await Wait.UntilAsync(() => AddedDuringOutage.All(id => Announcements(console.Text, id) >= 1), "every model added during the outage announced");
        var toAnnounce = recovery.Elapsed;
        // Two more full cycles after the last announcement: a repeat would have come by now.
        var seen = hub.CountRequests("author=Qwen&");
        await Wait.UntilAsync(() => hub.CountRequests("author=Qwen&") >= seen + 2, "two more poll cycles");
        output.WriteLine($"{kind}: {during} Hub requests in {outage.Elapsed.TotalSeconds:F1} s of outage ({perSecond:F1}/s); all announced {toAnnounce.TotalSeconds:F1} s after recovery");

        Assert.False(stopping);
        Assert.Contains("Kimi-K2-Thinking", latest, StringComparison.Ordinal);
        Assert.Equal(0, announcedDuring);
        Assert.All(AddedDuringOutage, id => Assert.Equal(1, Announcements(console.Text, id)));
        Assert.InRange(perSecond, 0, MaxRequestsPerSecond(kind));
    }

    private static FakeHubFault Fault(string kind) => kind switch
    {
        "500s" => new FakeHubFault.Status(500),
        "hang" => new FakeHubFault.Hang(TimeSpan.FromSeconds(30)),
        "malformed JSON" => new FakeHubFault.MalformedJson(),
        "429 storm" => new FakeHubFault.RateLimited(ResetSeconds: 2),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static double MaxRequestsPerSecond(string kind) => kind switch
    {
        _ => 1000,
    };

    private static async Task<string> AskAsync(LineQueueReader input, CapturingWriter console, string command)
    {
        var before = console.Text.Length;
        input.Push(command);
        await Wait.UntilAsync(() => console.Text.Length > before && console.Text[before..].Contains("Kimi", StringComparison.Ordinal), command + "'s answer");
        return console.Text[before..];
    }

    private static int Announcements(string text, string repoId)
    {
        var name = repoId[(repoId.IndexOf('/', StringComparison.Ordinal) + 1)..];
        return text.Split('\n').Count(l => l.StartsWith("📣", StringComparison.Ordinal) && l.Contains(name, StringComparison.Ordinal));
    }
}
