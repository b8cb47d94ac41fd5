using System.Diagnostics;
using System.Diagnostics.Metrics;
using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Health;

/// <summary>
/// The bot's one <see cref="Meter"/> ("ReleaseBot") and its instruments. Each is recorded where its rule lives: sends
/// and outcomes in the dispatcher, 429s in each platform's sender, poll cycles in the Hub source, commands in the router.
/// Exporters (the Prometheus text at <c>/metrics</c>, the OpenTelemetry exporter of <c>ReleaseBot:Telemetry</c>, or any
/// <see cref="MeterListener"/>) subscribe by the meter's name.
/// </summary>
public static class ReleaseBotMetrics
{
    public const string MeterName = "ReleaseBot";

    public static Meter Meter { get; } = new(MeterName, "1.0");

    public static Counter<long> DeliveriesSent { get; } =
        Meter.CreateCounter<long>("releasebot.deliveries.sent", "{delivery}", "Deliveries the platform accepted");

    public static Counter<long> DeliveriesFailed { get; } =
        Meter.CreateCounter<long>("releasebot.deliveries.failed", "{delivery}", "Deliveries given up on (permanent error or out of attempts)");

    public static Gauge<long> DeliveriesPending { get; } =
        Meter.CreateGauge<long>("releasebot.deliveries.pending", "{delivery}", "Outbox rows of the platform still to send, after its last dispatch pass");

    public static Gauge<long> FanOutsOpen { get; } =
        Meter.CreateGauge<long>("releasebot.fan_outs.open", "{event}", "Events whose delivery rows are still being written, after the last look at them");

    public static Counter<long> RateLimited { get; } =
        Meter.CreateCounter<long>("releasebot.rate_limited", "{response}", "HTTP 429 answers from a platform");

    public static Histogram<double> SendDuration { get; } =
        Meter.CreateHistogram<double>("releasebot.send.duration", "s", "Time of one send through a platform's sender, waits included");

    public static Histogram<double> PollDuration { get; } =
        Meter.CreateHistogram<double>("releasebot.hub.poll.duration", "s", "Time of one Hub poll cycle");

    public static Counter<long> PollErrors { get; } =
        Meter.CreateCounter<long>("releasebot.hub.poll.errors", "{error}", "Hub requests or cycles that failed");

    public static Counter<long> GatewayReconnects { get; } =
        Meter.CreateCounter<long>("releasebot.gateway.reconnects", "{reconnect}", "Discord gateway reconnects (resume or new session)");

    public static Histogram<double> CommandDuration { get; } =
        Meter.CreateHistogram<double>("releasebot.command.duration", "s", "Time to answer one chat command");

    public static KeyValuePair<string, object?> PlatformTag(Platform platform) =>
        new("platform", platform.ToString().ToLowerInvariant());

    /// <summary>
    /// Seconds since <paramref name="startTimestamp"/> (from <see cref="Stopwatch.GetTimestamp"/>). Latencies are the
    /// machine's elapsed time on purpose, not the injected TimeProvider's: under a fake clock they would all read zero.
    /// </summary>
    public static double SecondsSince(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds;
}
