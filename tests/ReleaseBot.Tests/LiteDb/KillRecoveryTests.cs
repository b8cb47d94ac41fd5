using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Seed;
using ReleaseBot.LiteDb;
using ReleaseBot.Testing.Store;
using ReleaseBot.Tests.Seed;

namespace ReleaseBot.Tests.LiteDb;

/// <summary>
/// A child process writes in a loop and acknowledges each write after the call returns; it is
/// killed mid-loop. Every acknowledged write must be in the file when it is opened again.
/// </summary>
public sealed class KillRecoveryTests : IDisposable
{
    private const int AcksBeforeKill = 45;
    private static readonly TimeSpan ChildTimeout = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir = new();
    private static CancellationToken Ct => CancellationToken.None;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Open_AfterChildKilledMidWrite_EveryAcknowledgedWriteIsThere()
    {
        var path = _dir.File("crash.db");
        var acks = new List<string>();

        // Two rounds: the second child starts on the file the first one left behind.
        acks.AddRange(await RunAndKillAsync(path, "r1"));
        acks.AddRange(await RunAndKillAsync(path, "r2"));
        // Usually the kill leaves the journal (crash-log.db) behind and the open below replays it; when LiteDB
        // had just checkpointed (every 1,000 pages) the journal is empty. Either way nothing acknowledged may be lost.

        using var store = LiteDbStore.Open(path);
        foreach (var ack in acks)
        {
            var (kind, n) = (ack.Split(' ')[0], ack.Split(' ')[1]);
            var release = RepoId.Parse($"crash/{n}").ReleaseId;
            var deliveryId = Delivery.KeyFor($"sub-{n.Split('-')[0]}", $"release:{release}");
            switch (kind)
            {
                case "release":
                    Assert.NotNull(await store.Releases.GetReleaseAsync(release, Ct));
                    break;
                case "delivery":
                    Assert.NotNull(await store.Outbox.GetAsync(deliveryId, Ct));
                    break;
                case "sent":
                    Assert.Equal(DeliveryState.Sent, (await store.Outbox.GetAsync(deliveryId, Ct))?.State);
                    break;
                default:
                    Assert.Fail($"unexpected line '{ack}'");
                    break;
            }
        }
        // The whole file reads: every row decodes, and the store still takes writes.
        var counts = await store.Outbox.CountByStateAsync(Ct);
        Assert.True(counts.Values.Sum() >= acks.Count(a => a.StartsWith("delivery", StringComparison.Ordinal)));
        Assert.True(await store.Releases.CountReleasesAsync(Ct) >= acks.Count(a => a.StartsWith("release", StringComparison.Ordinal)));
        Assert.NotEmpty(await store.Releases.GetLatestAsync(null, 1000, false, Ct));
        Assert.True(await store.Releases.TryAddReleaseAsync(new Release { Id = "hf:after/kill", RepoId = RepoId.Parse("after/kill"), Title = "t", DetectedAt = StoreSamples.T0 }, Ct));
    }

    [Theory]
    [InlineData(2)] // the publish's two batches (the first is small, so dispatch could start on it)
    [InlineData(4)] // two more, written for the fan-out left open
    public async Task PublishAsync_ChildKilledMidBatchedFanOut_AcknowledgedRowsKeptAndRerunCompletesWithoutDuplicates(int batches)
    {
        const int Subscriptions = 3000;
        var path = _dir.File("plan.db");
        var eventId = "release:hf:Qwen/Qwen3-Crash";

        // Killed after that many batches were acknowledged.
        var acked = (await RunAndKillAsync(["plan", path, $"{Subscriptions}"], acks: batches))
            .Where(a => a.StartsWith("batch ", StringComparison.Ordinal))
            .SelectMany(a => a.Split(' ').Skip(1))
            .ToList();
        Assert.NotEmpty(acked);
        using (var store = LiteDbStore.Open(path))
        {
            foreach (var subscription in acked)
            {
                Assert.NotNull(await store.Outbox.GetAsync(Delivery.KeyFor(subscription, eventId), Ct));
            }
        }

        // The restart publishes the event again: its fan-out goes on from the position committed with the last batch;
        // the rows already there stay, the rest are added, none twice.
        var rerun = await RunAndKillAsync(["plan", path, $"{Subscriptions}"], acks: int.MaxValue);
        Assert.Contains(rerun, line => line == "done");
        using var after = LiteDbStore.Open(path);
        var counts = await after.Outbox.CountByStateAsync(Ct);
        Assert.Equal(Subscriptions, counts[DeliveryState.Pending]);
        var due = await after.Outbox.GetDueAsync(Platform.Telegram, DateTimeOffset.UtcNow, Subscriptions * 2, Ct);
        Assert.Equal(Subscriptions, due.Select(d => d.SubscriptionId).Distinct().Count());
        Assert.All(due, d => Assert.Equal(eventId, d.Event.Id));
    }

    [Fact]
    public async Task Import_ChildKilledMidBatchedImport_AcknowledgedReleasesKeptAndRerunCompletesWithoutDuplicates()
    {
        const int Releases = 20_000;
        var path = _dir.File("import.db");
        var vendorsPath = _dir.File("vendors.json");
        var releasesPath = _dir.File("releases.seed.json");
        await File.WriteAllTextAsync(vendorsPath, new SeedFileBuilder().Vendors.ToJsonString(), Ct);
        await WriteSeedReleasesAsync(releasesPath, Releases);
        string[] import = ["import", path, vendorsPath, releasesPath];

        // Killed after two batches (of SeedImporter.Batch) were acknowledged, with most of the file still to go.
        var first = await RunAndKillAsync(import, acks: 2);
        Assert.DoesNotContain(first, line => line.StartsWith("done ", StringComparison.Ordinal));
        var acked = first
            .Where(a => a.StartsWith("batch ", StringComparison.Ordinal))
            .SelectMany(a => a.Split(' ').Skip(1))
            .ToList();
        Assert.True(acked.Count >= 2 * SeedImporter.Batch, $"{acked.Count} releases acknowledged");
        int kept;
        using (var store = LiteDbStore.Open(path))
        {
            foreach (var repoId in acked)
            {
                Assert.NotNull(await store.Releases.FindByRepoIdAsync(RepoId.Parse(repoId), Ct));
            }

            // Cut short: not recorded as done, so the next start imports again (merging into what is there).
            kept = await store.Releases.CountReleasesAsync(Ct);
            Assert.InRange(kept, acked.Count, Releases - 1);
            Assert.Null(await store.State.GetStateAsync(SeedImporter.HashStateKey, Ct));
        }

        // The restart finds a half-filled store: the releases already there stay, the rest are added, none twice.
        var rerun = await RunAndKillAsync(import, acks: int.MaxValue);
        var done = Assert.Single(rerun, line => line.StartsWith("done ", StringComparison.Ordinal));
        using var after = LiteDbStore.Open(path);
        Assert.Equal(Releases, await after.Releases.CountReleasesAsync(Ct));
        Assert.Equal($"done {Releases - kept}", done);
        var all = await after.Releases.GetLatestAsync(null, Releases * 2, false, Ct);
        Assert.Equal(Releases, all.Count);
        Assert.Equal(Releases, all.Select(r => r.RepoId).Distinct().Count());
        var source = await SeedSource.OpenFilesAsync(vendorsPath, releasesPath, Ct);
        Assert.Equal(source.ComputeHash(), await after.State.GetStateAsync(SeedImporter.HashStateKey, Ct));
        var third = await new SeedImporter(after.Vendors, after.Releases, after.Ranks, after.State, NullLogger<SeedImporter>.Instance)
            .ImportAsync(source, Ct);
        Assert.True(third.Skipped);
    }

    /// <summary>A seed release file of <paramref name="count"/> releases over the builder's two vendors.</summary>
    private static async Task WriteSeedReleasesAsync(string path, int count)
    {
        await using var file = File.Create(path);
        await using var json = new Utf8JsonWriter(file);
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        json.WriteStartObject();
        json.WriteStartArray("releases");
        for (var i = 0; i < count; i++)
        {
            json.WriteStartObject();
            json.WriteString("repoId", i % 2 == 0 ? $"Qwen/Crash-{i:D5}" : $"zai-org/Crash-{i:D5}");
            json.WriteString("vendorId", i % 2 == 0 ? "alibaba" : "zhipu");
            json.WriteString("family", $"Crash-{i % 20}");
            json.WriteString("publishedAt", start.AddMinutes(i));
            json.WriteNumber("totalParams", 1_000_000_000L * (1 + (i % 100)));
            json.WriteString("modality", "Text");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("snapshots");
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static Task<List<string>> RunAndKillAsync(string path, string round) =>
        RunAndKillAsync([path, round], AcksBeforeKill);

    /// <summary>Runs the child until it has printed <paramref name="acks"/> lines (or exits), then kills it.</summary>
    private static async Task<List<string>> RunAndKillAsync(string[] args, int acks)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { ChildPath() },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start the child");
        using var timeout = new CancellationTokenSource(ChildTimeout);
        var lines = new List<string>();
        try
        {
            while (lines.Count < acks)
            {
                var line = await child.StandardOutput.ReadLineAsync(timeout.Token);
                if (line is null && acks == int.MaxValue)
                {
                    break;
                }

                if (line is null)
                {
                    throw new InvalidOperationException($"child exited early: {await child.StandardError.ReadToEndAsync(Ct)}");
                }

                if (line != "ready")
                {
                    lines.Add(line);
                }
            }
        }
        finally
        {
            child.Kill(entireProcessTree: true);
        }
        // Lines already in the pipe were printed after their write returned: they count too.
        while (await child.StandardOutput.ReadLineAsync(timeout.Token) is { } rest)
        {
            lines.Add(rest);
        }
        await child.WaitForExitAsync(timeout.Token);
        return lines;
    }

    private static string ChildPath()
    {
        var path = typeof(KillRecoveryTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "StoreCrashChild").Value!;
        Assert.True(File.Exists(path), $"build the solution first; child not found at {path}");
        return path;
    }
}
