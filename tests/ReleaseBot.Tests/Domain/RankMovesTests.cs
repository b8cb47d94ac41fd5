using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ingest;
using ReleaseBot.Core.Messages;
using ReleaseBot.Core.Text;
using ReleaseBot.Testing.Builders;
using ReleaseBot.Tests.Ingest;

namespace ReleaseBot.Tests.Domain;

/// <summary>One rule for "moved": the live alert and the digest agree on the same pair of snapshots.</summary>
public sealed class RankMovesTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    // 30 places; the named repos sit at the given ranks, fillers keep the rest in a stable order.
    private static IReadOnlyList<HubModel> List(params (int Rank, string RepoId)[] placed)
    {
        var fillers = new Queue<string>(Enumerable.Range(1, 30).Select(i => $"other/m{i}"));
        return [.. Enumerable.Range(1, 30).Select(rank => new HubModel
        {
            RepoId = RepoId.Parse(placed.FirstOrDefault(p => p.Rank == rank).RepoId ?? fillers.Dequeue()),
            TrendingScore = 1000 - rank,
        })];
    }

    [Fact]
    public async Task AlertAndDigest_SamePairOfSnapshots_ReportTheSameMoves()
    {
        using var rig = IngestRig.Create();
        var from = rig.Time.GetUtcNow();
        await rig.Tracker.RecordAsync(List((8, "Qwen/Climbs-4"), (25, "Qwen/Climbs-12"), (14, "Qwen/Enters")), Ct);
        rig.Time.Advance(TimeSpan.FromMinutes(15));
        var to = rig.Time.GetUtcNow();

        var alerts = await rig.Tracker.RecordAsync(List((4, "Qwen/Climbs-4"), (13, "Qwen/Climbs-12"), (7, "Qwen/Enters")), Ct);
        var digest = await new DigestComposer(rig.Store.Releases, rig.Store.Vendors, rig.Store.Ranks, RankAlertRules.Default).ComposeAsync(
            new BotEvent { Id = "digest:test", Kind = EventKind.Digest, OccurredAt = to, CoversFrom = from, CoversTo = to },
            new SubscriptionBuilder().Build(),
            Ct);

        var t = Texts.For(Language.En);
        var digestLines = digest.Lines.Select(l => l.Text).ToList();
        // The digest's move section: between its "moves" heading and the next heading (the trending top).
        var first = digestLines.IndexOf(t.DigestRankMoves) + 1;
        var moveLines = digestLines[first..digest.Lines.ToList().FindIndex(first, l => l.Bold)];
        Assert.Equal(alerts.Select(m => RankMoveText.Of(t, m)).Order(StringComparer.Ordinal), moveLines.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(alerts, m => m.RepoId.Name == "Climbs-4");
        Assert.DoesNotContain(digestLines, l => l.StartsWith("Qwen/Climbs-4", StringComparison.Ordinal));
        Assert.Contains(alerts, m => m is { Kind: RankMoveKind.Climbed, From: 25, To: 13 } && m.RepoId.Name == "Climbs-12");
        Assert.Contains("Qwen/Climbs-12 climbed 12 places to #13", digestLines);
        Assert.Contains(alerts, m => m is { Kind: RankMoveKind.EnteredTop, To: 7 } && m.RepoId.Name == "Enters");
        Assert.Contains(digestLines, l => l.StartsWith("Qwen/Enters entered the trending top 10", StringComparison.Ordinal));
    }

    [Fact]
    public void Between_RulesFromSettings_DecideEnteredAndClimbed()
    {
        var rules = new RankAlertRules { EnteredTopRank = 5, ClimbPlaces = 3 };
        var before = Snapshot("before", ("a/x", 8), ("a/y", 20), ("a/z", 2));
        var after = Snapshot("after", ("a/x", 5), ("a/y", 17), ("a/z", 1));

        var moves = RankMoves.Between(before, after, rules);

        Assert.Equal(
            [(RankMoveKind.ReachedFirst, "a/z"), (RankMoveKind.EnteredTop, "a/x"), (RankMoveKind.Climbed, "a/y")],
            moves.Select(m => (m.Kind, m.RepoId.ToString())));
        Assert.Empty(RankMoves.Between(after, after, rules));
        Assert.Empty(RankMoves.Between(null, after, rules));
    }

    private static RankSnapshot Snapshot(string id, params (string RepoId, int Rank)[] entries) => new()
    {
        Id = id,
        TakenAt = DateTimeOffset.UnixEpoch,
        Size = 30,
        Entries = [.. entries.OrderBy(e => e.Rank).Select(e => new RankEntry(e.Rank, RepoId.Parse(e.RepoId)))],
    };
}
