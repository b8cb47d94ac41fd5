using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Health;
using ReleaseBot.Core.Ingest;
using ReleaseBot.HuggingFace.Client;

namespace ReleaseBot.HuggingFace.Polling;

/// <summary>
/// One read of the trending list: a rank snapshot with its moves, and the listed repos handed to the
/// ingestor, which keeps others' repos built on a vendor's model as tagged derivatives.
/// </summary>
public sealed partial class TrendingCycle(
    HubClient client,
    TrendingTracker tracker,
    ReleaseIngestor ingestor,
    IOptions<HuggingFaceOptions> options,
    ILogger<TrendingCycle> logger)
{
    public async Task<IReadOnlyList<RankMove>> RunAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var trending = await client.ListTrendingAsync(options.Value.TrendingTop, cancellationToken);
        var moves = await tracker.RecordAsync(trending, cancellationToken);
        foreach (var model in trending)
        {
            await ingestor.IngestRepoAsync(model, DiscoveryPath.Trending, cancellationToken);
        }

        Log.Snapshot(logger, trending.Count, moves.Count);
        ReleaseBotMetrics.PollDuration.Record(ReleaseBotMetrics.SecondsSince(started), new KeyValuePair<string, object?>("kind", "trending"));
        return moves;
    }

    private static partial class Log
    {
        [LoggerMessage(3221, LogLevel.Information, "Trending snapshot of {Count} models, {Moves} rank moves")]
        public static partial void Snapshot(ILogger logger, int count, int moves);
    }
}
