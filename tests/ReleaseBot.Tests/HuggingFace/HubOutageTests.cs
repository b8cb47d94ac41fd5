using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Hosting;
using ReleaseBot.ConsoleChat;
using ReleaseBot.Testing.FakeHub;
using ReleaseBot.Testing.Hosting;
using Xunit.Abstractions;

namespace ReleaseBot.Tests.HuggingFace;

/// <summary>
/// The Hub fails for a stretch and recovers, with the whole bot running (pollers, dispatcher, console chat): the host
/// stays up, commands answer from the store, requests to the failing Hub stay within what the bot's backoff allows,
/// and every model added during the outage is announced once, soon after the Hub is back.
/// </summary>
public sealed class HubOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan OutageLength = TimeSpan.FromSeconds(5);
    // Production waits 30 s for an attempt; 1 s here so a 30 s hang is cut within the test's time.
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RetryBaseDelay = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMilliseconds(50);
    private const int MaxRetries = 5;
    private const int ResetSeconds = 2;
    private static readonly string[] AddedDuringOutage = ["Qwen/Qwen3-Outage-8B", "zai-org/GLM-Outage", "MiniMaxAI/MiniMax-Outage"];

    public static TheoryData<string> Outages => ["500s", "hang before headers", "hang mid-body", "malformed JSON", "429 storm"];

    [Theory]
    [MemberData(nameof(Outages))]
    public async Task Outage_ModelsAddedDuringIt_HostAnswersRequestsBoundedEachAnnouncedOnceAfterRecovery(string kind)
    {
        await using var hub = await FakeHubServer.StartAsync();
        hub.AddRange([FakeHubSamples.KimiK2Thinking(), FakeHubSamples.MiniMaxM2()]);
        var input = new LineQueueReader();
        var console = new CapturingWriter();
        await using var bot = BotFixture.BuildWithoutStarting(new BotFixtureOptions()
            .WithHub(hub)
            .WithConsole(new ConsoleIo(input, console))
            .With("ReleaseBot:HuggingFace:Enabled", "true")
            .With("ReleaseBot:HuggingFace:PollInterval", Setting(PollInterval))
            .With("ReleaseBot:HuggingFace:TrendingInterval", "01:00:00")
            .With("ReleaseBot:HuggingFace:RequestTimeout", Setting(RequestTimeout))
            .With("ReleaseBot:HuggingFace:RetryBaseDelay", Setting(RetryBaseDelay))
            .With("ReleaseBot:HuggingFace:MaxRetryDelay", Setting(MaxRetryDelay))
            .With("ReleaseBot:HuggingFace:MaxRetries", MaxRetries.ToString(CultureInfo.InvariantCulture))
            .With("ReleaseBot:Dispatch:PollInterval", "00:00:00.100"));
        await bot.Vendors.UpsertVendorsAsync(HubHarness.Vendors, CancellationToken.None);
        await bot.StartAsync();
        // Two polls of the first org mean the first cycle, the silent baseline, is complete.
        await Wait.UntilAsync(() => hub.CountRequests("author=moonshotai&") >= 2, "the baseline poll");

        // Timed from before the fault to after the count, so the bounds below are taken over at least the outage's length.
        var outage = Stopwatch.StartNew();
        hub.FailAll(Fault(kind));
        foreach (var id in AddedDuringOutage)
        {
            hub.Add(FakeHubSamples.Model(id, "2025-08-01T00:00:00Z"));
        }

        var latest = await AskAsync(input, console, "/latest");
        var answeredIn = outage.Elapsed;
        await Task.Delay(OutageLength - answeredIn);
        var stopping = bot.Get<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested;
        var announcedDuring = AddedDuringOutage.Sum(id => Announcements(console.Text, id));
        hub.Recover();
        var requests = hub.OutageRequests;
        var lasted = outage.Elapsed;
        var recovery = Stopwatch.StartNew();
        await Wait.UntilAsync(() => AddedDuringOutage.All(id => Announcements(console.Text, id) >= 1), "every model added during the outage announced");
        var toAnnounce = recovery.Elapsed;
        // Two more full cycles after the last announcement: a repeat would have come by now.
        var seen = hub.CountRequests("author=Qwen&");
        await Wait.UntilAsync(() => hub.CountRequests("author=Qwen&") >= seen + 2, "two more poll cycles");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{kind}: {requests} Hub requests in {lasted.TotalSeconds:F1} s of outage ({requests / lasted.TotalSeconds:F1}/s, bound {MaxRequests(kind, lasted)}); " +
            $"/latest answered in {answeredIn.TotalSeconds:F2} s; all announced {toAnnounce.TotalSeconds:F2} s after recovery (bound {MaxTimeToAnnounce(kind).TotalSeconds:F1} s)"));

        Assert.False(stopping);
        Assert.Contains("Kimi-K2-Thinking", latest, StringComparison.Ordinal);
        Assert.Equal(0, announcedDuring);
        Assert.InRange(requests, 1, MaxRequests(kind, lasted));
        Assert.InRange(toAnnounce, TimeSpan.Zero, MaxTimeToAnnounce(kind));
        Assert.All(AddedDuringOutage, id => Assert.Equal(1, Announcements(console.Text, id)));
    }

    private static FakeHubFault Fault(string kind) => kind switch
    {
        "500s" => new FakeHubFault.Status(500),
        "hang before headers" => new FakeHubFault.Hang(TimeSpan.FromSeconds(30)),
        "hang mid-body" => new FakeHubFault.Hang(TimeSpan.FromSeconds(30), AfterHeaders: true),
        "malformed JSON" => new FakeHubFault.MalformedJson(),
        "429 storm" => new FakeHubFault.RateLimited(ResetSeconds),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// What the bot's pacing allows against a Hub failing for <paramref name="lasted"/>; the poller sends one request at a
    /// time, and a retry chain or poll already under way when the outage began counts once more.
    /// </summary>
    private static int MaxRequests(string kind, TimeSpan lasted)
    {
        var orgs = HubHarness.Vendors.SelectMany(v => v.HfOrgs).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        return kind switch
        {
            // Each org's MaxRetries+1 attempts are spaced by the backoff delays (10+20+40+50+50 ms).
            "500s" => (int)(lasted / RetryChain() + 2) * (MaxRetries + 1),
            // Each attempt is cut at the request timeout.
            "hang before headers" or "hang mid-body" => (int)(lasted / RequestTimeout) + 1,
            // A 200 whose body is not JSON is not retried: one request per org per poll.
            "malformed JSON" => (int)(lasted / PollInterval + 2) * orgs,
            // A 429 with r=0;t=N holds every Hub request for N+1 s.
            "429 storm" => (int)(lasted / TimeSpan.FromSeconds(ResetSeconds + 1)) + 1,
            _ => 0,
        };
    }

    /// <summary>After the Hub is back: the attempt or wait in progress, then at most two polls and a dispatch.</summary>
    private static TimeSpan MaxTimeToAnnounce(string kind)
    {
        var inProgress = kind switch
        {
            "hang before headers" or "hang mid-body" => RequestTimeout,
            "429 storm" => TimeSpan.FromSeconds(ResetSeconds + 1),
            _ => MaxRetryDelay,
        };
        return inProgress + (2 * PollInterval) + TimeSpan.FromSeconds(2);
    }

    private static TimeSpan RetryChain() =>
        Enumerable.Range(0, MaxRetries).Aggregate(TimeSpan.Zero, (sum, attempt) =>
            sum + TimeSpan.FromTicks(Math.Min((RetryBaseDelay * Math.Pow(2, attempt)).Ticks, MaxRetryDelay.Ticks)));

    private static string Setting(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);

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
