using ReleaseBot.Core.Domain;
using ReleaseBot.LiteDb;

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
