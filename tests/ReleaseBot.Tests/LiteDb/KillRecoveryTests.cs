using System.Diagnostics;
using System.Reflection;
using ReleaseBot.Core.Domain;
using ReleaseBot.LiteDb;
using ReleaseBot.Testing.Store;

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

    [Fact]
    public async Task PublishAsync_ChildKilledMidBatchedFanOut_AcknowledgedRowsKeptAndRerunCompletesWithoutDuplicates()
    {
        const int Subscriptions = 3000;
        var path = _dir.File("plan.db");
        var eventId = "release:hf:Qwen/Qwen3-Crash";

        // Killed after its first two batches were acknowledged (the first batch is small, so dispatch could start on it).
        var acked = (await RunAndKillAsync(["plan", path, $"{Subscriptions}"], acks: 2))
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

        // The restart plans the event again: the rows already there stay, the rest are added, none twice.
        var rerun = await RunAndKillAsync(["plan", path, $"{Subscriptions}"], acks: int.MaxValue);
        Assert.Contains(rerun, line => line.StartsWith("done ", StringComparison.Ordinal));
        using var after = LiteDbStore.Open(path);
        var counts = await after.Outbox.CountByStateAsync(Ct);
        Assert.Equal(Subscriptions, counts[DeliveryState.Pending]);
        var due = await after.Outbox.GetDueAsync(Platform.Telegram, DateTimeOffset.UtcNow, Subscriptions * 2, Ct);
        Assert.Equal(Subscriptions, due.Select(d => d.SubscriptionId).Distinct().Count());
        Assert.All(due, d => Assert.Equal(eventId, d.Event.Id));
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
