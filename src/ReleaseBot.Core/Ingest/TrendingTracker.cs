using Microsoft.Extensions.Logging;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;

namespace ReleaseBot.Core.Ingest;

/// <summary>
/// Stores a <see cref="RankSnapshot"/> of the trending list each time it is read, compares it with the
/// previous Hub snapshot and publishes <see cref="EventKind.RankChanged"/> events, each at most once
/// per model, kind and UTC day (kept in the state store, and again by the event's unique id).
/// </summary>
public sealed partial class TrendingTracker(
    IRankStore ranks,
    IStateStore state,
    IEventSink sink,
    RankAlertRules rules,
    TimeProvider time,
    ILogger<TrendingTracker> logger)
{
    public const string HubSource = "hub";

    public static string DailyKey(RankMove move) =>
        $"rank:{move.RepoId.ToString().ToLowerInvariant()}:{move.Kind}:{move.At.UtcDateTime:yyyy-MM-dd}";

    /// <summary>Records the list (already in rank order) and returns the moves that were published.</summary>
    public async Task<IReadOnlyList<RankMove>> RecordAsync(IReadOnlyList<HubModel> trending, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var snapshot = new RankSnapshot
        {
            Id = $"trending:{now.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}",
            TakenAt = now,
            Size = trending.Count,
            Entries = trending.Select((m, i) => new RankEntry(i + 1, m.RepoId, m.TrendingScore)).ToList(),
            Source = HubSource,
        };

        var latest = await ranks.GetLatestSnapshotAsync(cancellationToken);
        // Only compare with the Hub's own lists: the seed's snapshot is from another time and another list.
        var previous = latest is { Source: HubSource } && latest.TakenAt < now ? latest : null;
        if (!await ranks.TryAddSnapshotAsync(snapshot, cancellationToken))
        {
            return [];
        }

        var published = new List<RankMove>();
        foreach (var move in RankMoves.Between(previous, snapshot, rules))
        {
            var key = DailyKey(move);
            if (await state.GetStateAsync(key, cancellationToken) is not null)
            {
                continue;
            }

            await state.SetStateAsync(key, now.ToString("O"), cancellationToken);
            await sink.PublishAsync(BotEvent.RankChanged(move), cancellationToken);
            published.Add(move);
            Log.Moved(logger, move.RepoId, move.Kind, move.From, move.To);
        }

        return published;
    }

    private static partial class Log
    {
        [LoggerMessage(1121, LogLevel.Information, "Trending: {RepoId} {Kind} ({From} → {To})")]
        public static partial void Moved(ILogger logger, RepoId repoId, RankMoveKind kind, int? from, int to);
    }
}
