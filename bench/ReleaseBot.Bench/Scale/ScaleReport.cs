using System.Globalization;
using System.Text.Json;

namespace ReleaseBot.Bench.Scale;

/// <summary>Prints <see cref="ScaleFigures"/> as issue 9's table (measured against the goal) and as JSON.</summary>
public static class ScaleReport
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static void Print(ScaleFigures f, int fanOutCommands)
    {
        var rows = new (string What, string Measured, string Goal)[]
        {
            ("first start importing the history", F($"{f.ImportSeconds:F1} s ({f.ImportSeconds * 1000 / f.Releases:F3} ms per release; CPU {f.ImportCpuSeconds:F1} s)"), "<= 10 s"),
            ("peak resident memory (import)", F($"{f.ImportPeakMb:F0} MB (managed heap {f.ManagedHeapAfterImportMb:F0} MB after it)"), "<= 300 MB"),
            ("steady resident memory after import", F($"{f.SteadyWorkingSetMb:F0} MB"), "<= 300 MB"),
            ("/subscribe", F($"{f.SubscribeMeanMs:F2} ms mean, p99 {f.SubscribeP99Ms:F2} ms"), "<= 0.5 ms"),
            ("planning one release for all subscribers", F($"publish {f.PublishMs:F0} ms ({f.PublishRows} rows); first row due {f.FirstDueMs:F0} ms; all {f.PlannedRows} in {f.PlanSeconds:F2} s"), "<= 0.5 s; first send <= 100 ms"),
            ("command p50/p99 idle", F($"{f.CommandIdleP50Ms:F2} / {f.CommandIdleP99Ms:F2} ms"), "p99 <= 1 ms"),
            ("command p50/p99 while 10,000 rows are written at once", F($"{f.CommandFanOutP50Ms:F2} / {f.CommandFanOutP99Ms:F2} ms ({fanOutCommands} commands)"), "p99 <= 1 ms"),
            ("command p50/p99 while the bot fans out (30/s)", F($"{f.CommandPacedP50Ms:F2} / {f.CommandPacedP99Ms:F2} ms ({f.PacedCommands} commands, {f.PacedMessagesSent} sent in 20 s)"), "p99 <= 1 ms"),
            ("data file per release (after import)", F($"{f.BytesPerReleaseAfterImport:F0} B"), "<= 1 KB"),
            ("data file per delivery row", F($"{f.BytesPerDeliveryRow:F0} B"), "event stored once"),
            ("peak resident memory (whole run)", F($"{f.PeakWorkingSetMb:F0} MB"), "<= 300 MB"),
            ("Telegram command bursts (private / group)", F($"{f.CommandBurstPrivatePerSecond:F1} / {f.CommandBurstGroupPerSecond:F1} per s"), ">= 27 per s in both"),
            ("Telegram fan-out, 1,000 chats at 30/s", F($"{f.TelegramFanOutRatio:F3} (end to end {f.TelegramFanOutEndToEndRatio:F3}), {f.TelegramFanOut429s} x 429"), ">= 0.98, 0 x 429"),
        };
        Console.WriteLine(F($"scale: {f.Releases} releases, {f.Subscriptions} subscriptions, server GC {System.Runtime.GCSettings.IsServerGC}"));
        Console.WriteLine(F($"| {"what",-42} | {"measured",-58} | {"goal",-30} |"));
        Console.WriteLine(F($"|{new string('-', 44)}|{new string('-', 60)}|{new string('-', 32)}|"));
        foreach (var (what, measured, goal) in rows)
        {
            Console.WriteLine(F($"| {what,-42} | {measured,-58} | {goal,-30} |"));
        }

        Console.WriteLine(JsonSerializer.Serialize(f, Json));
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
