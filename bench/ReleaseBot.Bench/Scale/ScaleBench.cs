using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReleaseBot.Bench.Telegram;
using ReleaseBot.Composition;
using ReleaseBot.Core.Commands;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Planning;
using ReleaseBot.Core.Ports;
using ReleaseBot.Seed;
using ReleaseBot.Testing.FakeTelegram;
using ReleaseBot.Testing.Hosting;
using ReleaseBot.Testing.Store;

namespace ReleaseBot.Bench.Scale;

/// <summary>
/// Issue 9's table, measured through the bot's own composition root: imports a generated history of N releases
/// (default 100,000) on first start, subscribes M chats (default 10,000) with <c>/subscribe</c>, plans a release for
/// all of them, and times commands idle, while a whole fan-out is written at once, and while the whole bot on the same
/// file fans out to every chat through a fake Bot API; then runs the Telegram command-burst and fan-out benches at
/// Telegram's own limits for the table's last two rows. Prints a table and the same figures as JSON.
/// Arguments: <c>[releases=100000] [subscriptions=10000] [commands]</c>.
/// </summary>
public static class ScaleBench
{
    private static readonly string[] DefaultCommands = ["/latest", "/latest alibaba 5", "/settings", "/vendors", "/rank", "/help"];

    public static async Task<int> RunAsync(string[] args)
    {
        var releaseCount = Arg(args, 0, 100_000);
        var subscriptionCount = Arg(args, 1, 10_000);
        // A third argument times only the commands it lists (comma-separated, e.g. "/help,/latest"): which ones wait.
        string[] commands = args.Length > 2 ? args[2].Split(',') : DefaultCommands;
        var ct = CancellationToken.None;

        using var folder = new TempDirectory();
        var vendorsPath = FindConfig("vendors.json");
        var releasesPath = Path.Combine(folder.Path, "releases.seed.json");
        var dbPath = Path.Combine(folder.Path, "scale.db");
        await ScaleSeedWriter.WriteAsync(releasesPath, releaseCount, await ScaleSeedWriter.ReadOrgsAsync(vendorsPath));

        var builder = ReleaseBotHost.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReleaseBot:DataPath"] = dbPath,
            ["ReleaseBot:Seed:VendorsPath"] = vendorsPath,
            ["ReleaseBot:Seed:ReleasesPath"] = releasesPath,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:ReleaseBot"] = "Warning",
        });
        builder.AddReleaseBot();
        using var host = builder.Build();
        var seed = host.Services.GetServices<IHostedService>().OfType<SeedImportService>().Single();
        GC.Collect();

        // 1. First start: the seed import, as the host runs it before anything else.
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        await seed.StartingAsync(ct);
        var importSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        process.Refresh();
        var importCpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var importPeak = process.PeakWorkingSet64;
        var importBytes = StoreBytes(dbPath);
        var heapAfterImport = GC.GetGCMemoryInfo().HeapSizeBytes;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        process.Refresh();
        var steady = process.WorkingSet64;

        // 2. /subscribe from M private chats.
        var router = host.Services.GetRequiredService<ICommandRouter>();
        var environment = new BenchChatEnvironment();
        var subscribeMs = new List<double>(subscriptionCount);
        for (var i = 0; i < subscriptionCount; i++)
        {
            var t = Stopwatch.GetTimestamp();
            await router.HandleAsync(Request(i, "/subscribe", environment), ct);
            subscribeMs.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }

        // 3. Planning one release for every subscriber; a reader polls for the first due row, as dispatch would. The
        // publish writes the first rows and returns; the rest of the fan-out is then written at once (the bot writes
        // it a batch at a time as dispatch drains, so this is the most it ever writes in one go).
        var planner = host.Services.GetRequiredService<DeliveryPlanner>();
        var outbox = host.Services.GetRequiredService<IOutbox>();
        var releases = host.Services.GetRequiredService<IReleaseStore>();
        var latest = await releases.GetLatestAsync(null, 3, officialOnly: true, ct);
        var beforePlan = StoreBytes(dbPath);
        var plan = await PlanAsync(planner, outbox, latest[0], ct);
        var bytesPerRow = plan.Rows > 0 ? (double)(StoreBytes(dbPath) - beforePlan) / plan.Rows : double.NaN;

        // 4. Commands, warm and idle, then while a second fan-out is published and all of it written at once.
        for (var i = 0; i < 200; i++)
        {
            await router.HandleAsync(Request(i, commands[i % commands.Length], environment), ct);
        }

        var idle = new List<double>();
        for (var i = 0; i < 2000; i++)
        {
            idle.Add(await TimeCommandAsync(router, Request(i, commands[i % commands.Length], environment), ct));
        }

        var fanOut = new List<double>();
        var planning = Task.Run(async () =>
        {
            await planner.PublishAsync(BotEvent.ReleaseDetected(latest[1], DateTimeOffset.UtcNow), ct);
            await planner.AdvanceOpenAsync([], ct);
        }, ct);
        for (var i = 0; !planning.IsCompleted || fanOut.Count < 50; i++)
        {
            fanOut.Add(await TimeCommandAsync(router, Request(i, commands[i % commands.Length], environment), ct));
        }

        await planning;

        process.Refresh();
        var peak = process.PeakWorkingSet64; // read now: the figures below start hosts of their own

        // 5. Commands while a third fan-out runs as the bot runs it: the same data file under the whole bot (Telegram
        // adapter, dispatch, fan-out service) sending to a fake Bot API at Telegram's own limits, for 20 s.
        await MarkPendingSentAsync(outbox, ct); // the two fan-outs above, as if dispatch had sent them
        host.Dispose();
        var paced = await TimeDuringRunningFanOutAsync(folder.Path, Path.GetFileName(dbPath), latest[2], subscriptionCount, commands, environment);

        // 6. The two rows measured against the fake Bot API at Telegram's own limits, with their benches' defaults.
        var (privateRate, groupRate) = await TelegramCommandsBench.MeasureAsync(1000, 300, 0);
        var fanOutRun = await TelegramFanOutBench.MeasureAsync(1000, 1, 0, 1);

        var figures = new ScaleFigures
        {
            Releases = releaseCount,
            Subscriptions = subscriptionCount,
            ImportSeconds = importSeconds,
            ImportCpuSeconds = importCpu,
            ImportPeakMb = Mb(importPeak),
            ManagedHeapAfterImportMb = Mb(heapAfterImport),
            SteadyWorkingSetMb = Mb(steady),
            SubscribeMeanMs = subscribeMs.Average(),
            SubscribeP99Ms = Percentile(subscribeMs, 0.99),
            PlannedRows = plan.Rows,
            PublishRows = plan.PublishRows,
            PublishMs = plan.PublishMs,
            PlanSeconds = plan.Seconds,
            FirstDueMs = plan.FirstDueMs,
            CommandIdleP50Ms = Percentile(idle, 0.50),
            CommandIdleP99Ms = Percentile(idle, 0.99),
            CommandFanOutP50Ms = Percentile(fanOut, 0.50),
            CommandFanOutP99Ms = Percentile(fanOut, 0.99),
            CommandPacedP50Ms = Percentile(paced.Times, 0.50),
            CommandPacedP99Ms = Percentile(paced.Times, 0.99),
            PacedCommands = paced.Times.Count,
            PacedMessagesSent = paced.Sent,
            BytesPerReleaseAfterImport = (double)importBytes / releaseCount,
            BytesPerDeliveryRow = bytesPerRow,
            PeakWorkingSetMb = Mb(peak),
            CommandBurstPrivatePerSecond = privateRate,
            CommandBurstGroupPerSecond = groupRate,
            TelegramFanOutRatio = fanOutRun.Ratio,
            TelegramFanOutEndToEndRatio = fanOutRun.EndToEndRatio,
            TelegramFanOut429s = fanOutRun.TooManyRequests,
        };
        ScaleReport.Print(figures, fanOut.Count);
        return 0;
    }

    private static async Task<(int PublishRows, double PublishMs, int Rows, double Seconds, double FirstDueMs)> PlanAsync(
        DeliveryPlanner planner, IOutbox outbox, Release release, CancellationToken ct)
    {
        using var stop = new CancellationTokenSource();
        var started = Stopwatch.GetTimestamp();
        var firstDue = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (await outbox.GetNextDueAtAsync(Platform.Telegram, ct) is not null)
                {
                    return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }

                await Task.Delay(1, ct);
            }

            return double.NaN;
        }, ct);
        var published = await planner.PublishAsync(BotEvent.ReleaseDetected(release, DateTimeOffset.UtcNow), ct);
        var publishMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        await planner.AdvanceOpenAsync([], ct);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await stop.CancelAsync();
        var rows = await outbox.CountPendingAsync(Platform.Telegram, ct);
        return (published, publishMs, rows, seconds, await firstDue);
    }

    /// <summary>
    /// Starts the whole bot on the bench's data file with the Telegram adapter on a fake Bot API at Telegram's own
    /// limits (every subscriber's chat known to it), publishes <paramref name="release"/> to all of them and times
    /// commands for <see cref="PacedSeconds"/> while dispatch sends and the fan-out service writes rows as it drains;
    /// returns the times and how many messages the fake accepted meanwhile.
    /// </summary>
    private static async Task<(List<double> Times, int Sent)> TimeDuringRunningFanOutAsync(
        string folder, string fileName, Release release, int subscriptionCount, string[] commands, BenchChatEnvironment environment)
    {
        var ct = CancellationToken.None;
        await using var fake = await FakeTelegramServer.StartAsync(new FakeTelegramOptions());
        for (var i = 0; i < subscriptionCount; i++)
        {
            fake.State.AddPrivateChat(500_000 + i);
        }

        await using var bot = BotFixture.BuildWithoutStarting(new BotFixtureOptions()
            .InFolder(folder, fileName)
            .WithTelegram(fake)
            .With(TelegramHarness.LimitsOf(fake.State.Options, globalShare: 0)));
        await bot.StartAsync(ct);
        var router = bot.Services.GetRequiredService<ICommandRouter>();
        var planner = bot.Services.GetRequiredService<DeliveryPlanner>();
        for (var i = 0; i < 200; i++)
        {
            await router.HandleAsync(Request(i, commands[i % commands.Length], environment), ct);
        }

        await planner.PublishAsync(BotEvent.ReleaseDetected(release, DateTimeOffset.UtcNow), ct);
        var times = new List<double>();
        var until = Stopwatch.GetTimestamp() + Stopwatch.Frequency * PacedSeconds;
        for (var i = 0; Stopwatch.GetTimestamp() < until; i++)
        {
            times.Add(await TimeCommandAsync(router, Request(i, commands[i % commands.Length], environment), ct));
        }

        return (times, fake.State.SentMessages.Count);
    }

    private const int PacedSeconds = 20;

    private static async Task MarkPendingSentAsync(IOutbox outbox, CancellationToken ct)
    {
        while (await outbox.GetDueAsync(Platform.Telegram, DateTimeOffset.MaxValue, 500, ct) is { Count: > 0 } rows)
        {
            foreach (var row in rows)
            {
                await outbox.UpdateAsync(row with { State = DeliveryState.Sent, SentAt = DateTimeOffset.UtcNow }, ct);
            }
        }
    }

    private static async Task<double> TimeCommandAsync(ICommandRouter router, CommandRequest request, CancellationToken ct)
    {
        var t = Stopwatch.GetTimestamp();
        await router.HandleAsync(request, ct);
        return Stopwatch.GetElapsedTime(t).TotalMilliseconds;
    }

    private static CommandRequest Request(int chat, string text, BenchChatEnvironment environment)
    {
        var id = (500_000 + chat).ToString(CultureInfo.InvariantCulture);
        return new CommandRequest
        {
            Chat = new ChatAddress(Platform.Telegram, id),
            IsPrivate = true,
            SenderId = id,
            Text = text,
            Environment = environment,
        };
    }

    /// <summary>The data file and its journal: what the store occupies on disk.</summary>
    private static long StoreBytes(string dbPath) =>
        new FileInfo(dbPath).Length + (File.Exists(LogPath(dbPath)) ? new FileInfo(LogPath(dbPath)).Length : 0);

    private static string LogPath(string dbPath) => Path.ChangeExtension(dbPath, null) + "-log.db";

    private static string FindConfig(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "config", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"config/{name} not found above {AppContext.BaseDirectory}");
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    private static double Mb(long bytes) => bytes / 1024.0 / 1024.0;

    private static int Arg(string[] args, int index, int fallback) =>
        args.Length > index && int.TryParse(args[index], CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
