namespace ReleaseBot.Core.Domain;

/// <summary>
/// Rank moves between two trending snapshots under one <see cref="RankAlertRules"/>: reached #1, entered the
/// top N, or climbed at least the set number of places. Each model gets at most one move: the most notable.
/// Live alerts and the digest both ask this type, so a digest never reports a move an alert would not.
/// </summary>
public static class RankMoves
{
    public static IReadOnlyList<RankMove> Between(RankSnapshot? previous, RankSnapshot current, RankAlertRules rules)
    {
        // With nothing (or the same list) to compare, nothing moved: the first snapshot is a baseline.
        if (previous is null || string.Equals(previous.Id, current.Id, StringComparison.Ordinal))
        {
            return [];
        }

        var moves = new List<RankMove>();
        foreach (var entry in current.Entries.Where(e => e.RepoId is not null).OrderBy(e => e.Rank))
        {
            var repoId = entry.RepoId!;
            var from = previous.RankOf(repoId);
            var to = entry.Rank;
            RankMoveKind? kind =
                to == 1 && from != 1 ? RankMoveKind.ReachedFirst
                : to <= rules.EnteredTopRank && (from is null || from > rules.EnteredTopRank) ? RankMoveKind.EnteredTop
                : from is not null && from - to >= rules.ClimbPlaces ? RankMoveKind.Climbed
                : null;
            if (kind is not null)
            {
                moves.Add(new RankMove(repoId, kind.Value, from, to, current.TakenAt));
            }
        }

        return moves;
    }
}
