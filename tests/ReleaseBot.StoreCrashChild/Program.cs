using Microsoft.Extensions.Logging.Abstractions;
using ReleaseBot.Core.Dispatch;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Planning;
using ReleaseBot.Core.Seed;
using ReleaseBot.LiteDb;
using ReleaseBot.StoreCrashChild;

// Usage: ReleaseBot.StoreCrashChild plan <db path> <subscriptions>
// Plans one release for that many subscriptions through the real planner (the publish, then the rest of its fan-out at
// once), printing "batch <subscription ids>" after each batch is committed and "done <planned>" at the end; the parent
// kills it mid-plan and runs it again.
if (args is ["plan", var planPath, var count])
{
    using var planStore = LiteDbStore.Open(planPath);
    var subscriptionCount = int.Parse(count, System.Globalization.CultureInfo.InvariantCulture);
    for (var i = (await planStore.Subscriptions.GetSubscriptionsAsync(false, CancellationToken.None)).Count; i < subscriptionCount; i++)
    {
        await planStore.Subscriptions.UpsertSubscriptionAsync(new Subscription
        {
            Id = $"sub-{i:D5}",
            Chat = new ChatAddress(Platform.Telegram, $"{-1000 - i}"),
            CreatedAt = new DateTimeOffset(2025, 7, 30, 0, 0, 0, TimeSpan.Zero).AddSeconds(i),
            DigestTime = new TimeOnly(9, 0),
        }, CancellationToken.None);
    }

    var repo = RepoId.Parse("Qwen/Qwen3-Crash");
    var crashRelease = new Release { Id = repo.ReleaseId, RepoId = repo, Title = "crash", DetectedAt = DateTimeOffset.UnixEpoch };
    await planStore.Releases.TryAddReleaseAsync(crashRelease, CancellationToken.None);
    Console.WriteLine("ready");
    var planner = new DeliveryPlanner(planStore.Subscriptions, planStore.Releases, planStore.Vendors, new AckingOutbox(planStore.Outbox),
        new DispatchSignal(TimeProvider.System), TimeProvider.System, NullLogger<DeliveryPlanner>.Instance);
    await planner.PublishAsync(BotEvent.ReleaseDetected(crashRelease, DateTimeOffset.UnixEpoch), CancellationToken.None);
    await planner.AdvanceOpenAsync([], CancellationToken.None);
    Console.WriteLine("done");
    return 0;
}

// Usage: ReleaseBot.StoreCrashChild import <db path> <vendors file> <releases file>
// Runs the real seed import, printing "batch <repo ids>" after each batch of releases is committed and
// "done <inserted>" at the end; the parent kills it mid-import and runs it again.
if (args is ["import", var importPath, var vendorsPath, var releasesPath])
{
    using var importStore = LiteDbStore.Open(importPath);
    var source = await SeedSource.OpenFilesAsync(vendorsPath, releasesPath, CancellationToken.None);
    var importer = new SeedImporter(importStore.Vendors, new AckingReleaseStore(importStore.Releases), importStore.Ranks, importStore.State,
        NullLogger<SeedImporter>.Instance);
    Console.WriteLine("ready");
    var imported = await importer.ImportAsync(source, CancellationToken.None);
    Console.WriteLine($"done {imported.Inserted}");
    return 0;
}

// Usage: ReleaseBot.StoreCrashChild <db path> <round>
// Writes releases and outbox rows forever; after each call returns (the write is committed) it
// prints "release|delivery|sent <n>". The parent kills it mid-loop and checks every printed write.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: ReleaseBot.StoreCrashChild <db path> <round>");
    return 2;
}

var round = args[1];
using var store = LiteDbStore.Open(args[0]);
var ct = CancellationToken.None;
var at = new DateTimeOffset(2025, 7, 30, 8, 0, 0, TimeSpan.FromHours(8));
// Long enough text that a write spans several pages, so a kill is likely to land inside one.
var notes = new string('x', 6000);
Console.WriteLine("ready");

for (var n = 0; ; n++)
{
    var repoId = RepoId.Parse($"crash/{round}-{n}");
    var release = new Release
    {
        Id = repoId.ReleaseId,
        RepoId = repoId,
        Title = repoId.ToString(),
        DetectedAt = at.AddTicks(n),
        Notes = notes,
    };
    await store.Releases.TryAddReleaseAsync(release, ct);
    Console.WriteLine($"release {round}-{n}");

    var delivery = new Delivery
    {
        Id = Delivery.KeyFor($"sub-{round}", $"release:{release.Id}"),
        SubscriptionId = $"sub-{round}",
        Platform = Platform.Telegram,
        Event = BotEvent.ReleaseDetected(release, at),
        CreatedAt = at,
        NextAttemptAt = at.AddTicks(n),
    };
    await store.Outbox.TryAddAsync(delivery, ct);
    Console.WriteLine($"delivery {round}-{n}");

    await store.Outbox.UpdateAsync(delivery with { State = DeliveryState.Sent, SentAt = at, PlatformMessageIds = [$"{n}"] }, ct);
    Console.WriteLine($"sent {round}-{n}");
}
