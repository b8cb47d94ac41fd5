using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Seed;
using ReleaseBot.Testing.FakeHub;
using ReleaseBot.Web;

namespace ReleaseBot.Bench.Hub;

/// <summary>
/// The Hub source against the fake Hub with the bundled vendor catalogue: requests per poll cycle, and the time
/// from a model appearing on the Hub to its announcement being planned, by poll and by webhook.
/// </summary>
public static class HubBench
{
    private const int ModelsPerOrg = 5;
    private const int LatencySamples = 10;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    public static async Task<int> RunAsync()
    {
        var vendors = await LoadCatalogueAsync();
        var orgs = vendors.SelectMany(v => v.HfOrgs).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        Console.WriteLine($"Hub bench: {vendors.Count} vendors, {orgs.Count} orgs, {ModelsPerOrg} models per org on the fake Hub");

        await RequestsPerCycleAsync(vendors, orgs);
        await LatencyByPollAsync(vendors, orgs);
        await LatencyByWebhookAsync(vendors, orgs);
        return 0;
    }

    private static async Task RequestsPerCycleAsync(IReadOnlyList<Vendor> vendors, IReadOnlyList<string> orgs)
    {
        await using var rig = await HubHarness.StartAsync(vendors: vendors);
        Seed(rig.Hub, orgs);

        var (baselineRequests, baselineTime) = await CycleAsync(rig);
        var (quietRequests, quietTime) = await CycleAsync(rig);
        for (var i = 0; i < 3; i++)
        {
            rig.Hub.Add(FakeHubSamples.Model($"{orgs[i]}/New-Model-{i}-8B", "2025-07-30T00:00:00Z"));
        }

        var (newRequests, newTime) = await CycleAsync(rig);
        Console.WriteLine();
        Console.WriteLine("Requests per vendor poll cycle (one list page per org + one model_info per new id):");
        Console.WriteLine($"  baseline (first poll)  : {baselineRequests,4} requests, {baselineTime.TotalMilliseconds,7:F0} ms");
        Console.WriteLine($"  nothing new            : {quietRequests,4} requests, {quietTime.TotalMilliseconds,7:F0} ms  (expected {orgs.Count})");
        Console.WriteLine($"  3 new ids              : {newRequests,4} requests, {newTime.TotalMilliseconds,7:F0} ms  (expected {orgs.Count + 3})");
        Console.WriteLine($"  share of the anonymous quota (500 / 5 min) at a 5-min interval: {100.0 * quietRequests / 500:F1} %");
    }

    private static async Task<(int Requests, TimeSpan Time)> CycleAsync(HubHarness rig)
    {
        rig.Hub.ClearRequests();
        var start = Stopwatch.GetTimestamp();
        await rig.Poll.RunAsync(CancellationToken.None);
        return (rig.Hub.Requests.Count, Stopwatch.GetElapsedTime(start));
    }

    private static async Task LatencyByPollAsync(IReadOnlyList<Vendor> vendors, IReadOnlyList<string> orgs)
    {
        await using var rig = await HubHarness.StartAsync(
            new Dictionary<string, string?> { ["Enabled"] = "true", ["PollInterval"] = PollInterval.ToString("c", CultureInfo.InvariantCulture), ["TrendingInterval"] = "01:00:00" },
            vendors: vendors);
        // A 2 s interval spends ~13 requests/s: far past the real 500 / 5 min (the rate gate would rightly hold it back).
        rig.Hub.Quota = 1_000_000;
        Seed(rig.Hub, orgs);
        await rig.Bot.StartAsync();
        await WaitUntilAsync(() => rig.Hub.CountRequests($"author={Uri.EscapeDataString(orgs[0])}&") >= 2);

        var random = new Random(42);
        var samples = new List<TimeSpan>();
        for (var i = 0; i < LatencySamples; i++)
        {
            // Models appear at random points of the poll interval.
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(0, (int)PollInterval.TotalMilliseconds)));
            var repoId = $"{orgs[i % orgs.Count]}/Poll-Model-{i}-7B";
            var start = Stopwatch.GetTimestamp();
            rig.Hub.Add(FakeHubSamples.Model(repoId, "2025-07-30T00:00:00Z"));
            await rig.Sink.WaitForAsync(e => e.Id == $"release:{RepoId.Parse(repoId).ReleaseId}", TimeSpan.FromSeconds(30));
            samples.Add(Stopwatch.GetElapsedTime(start));
        }

        await rig.Bot.StopAsync();
        Print($"Appeared → planned, by poll (PollInterval {PollInterval.TotalSeconds:F0} s, {orgs.Count} orgs)", samples);
    }

    private static async Task LatencyByWebhookAsync(IReadOnlyList<Vendor> vendors, IReadOnlyList<string> orgs)
    {
        await using var rig = await HubHarness.StartAsync(
            new Dictionary<string, string?>
            {
                ["Webhook:Enabled"] = "true", ["Webhook:Secret"] = "bench-secret", ["ReleaseBot:Web:ListenUrl"] = "http://127.0.0.1:0",
            },
            vendors: vendors);
        Seed(rig.Hub, orgs);
        await rig.Poll.RunAsync(CancellationToken.None);
        await rig.Bot.StartAsync();
        var url = new Uri(await rig.Services.GetRequiredService<WebhookListener>().ListeningAsync, "/hf-webhook");
        using var http = new HttpClient();

        var samples = new List<TimeSpan>();
        for (var i = 0; i < LatencySamples * 2; i++)
        {
            var repoId = $"{orgs[i % orgs.Count]}/Hook-Model-{i}-7B";
            rig.Hub.Add(FakeHubSamples.Model(repoId, "2025-07-30T00:00:00Z"));
            var start = Stopwatch.GetTimestamp();
            await FakeHubWebhooks.SendAsync(http, url, FakeHubWebhooks.RepoCreated(repoId), "bench-secret");
            await rig.Sink.WaitForAsync(e => e.Id == $"release:{RepoId.Parse(repoId).ReleaseId}", TimeSpan.FromSeconds(30));
            samples.Add(Stopwatch.GetElapsedTime(start));
        }

        await rig.Bot.StopAsync();
        Print("Appeared → planned, by webhook (POST → model_info → stored → planned)", samples);
    }

    private static void Seed(FakeHubServer hub, IReadOnlyList<string> orgs)
    {
        foreach (var org in orgs)
        {
            for (var i = 0; i < ModelsPerOrg; i++)
            {
                hub.Add(FakeHubSamples.Model($"{org}/Existing-{i}-8B", $"2025-0{1 + i}-01T00:00:00Z"));
            }
        }
    }

    private static void Print(string title, List<TimeSpan> samples)
    {
        var ms = samples.Select(s => s.TotalMilliseconds).Order().ToList();
        Console.WriteLine();
        Console.WriteLine($"{title}, n={ms.Count}:");
        Console.WriteLine($"  min {ms[0],7:F0} ms   median {ms[ms.Count / 2],7:F0} ms   p90 {ms[(int)(ms.Count * 0.9)],7:F0} ms   max {ms[^1],7:F0} ms");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!condition())
        {
            await Task.Delay(20, cts.Token);
        }
    }

    private static async Task<IReadOnlyList<Vendor>> LoadCatalogueAsync()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "config", "vendors.json")))
        {
            directory = directory.Parent;
        }

        var config = Path.Combine(directory?.FullName ?? throw new FileNotFoundException("config/vendors.json not found above " + AppContext.BaseDirectory), "config");
        var source = await SeedSource.ReadFilesAsync(Path.Combine(config, "vendors.json"), Path.Combine(config, "releases.seed.json"), CancellationToken.None);
        return SeedCatalog.Parse(source).Vendors;
    }
}
