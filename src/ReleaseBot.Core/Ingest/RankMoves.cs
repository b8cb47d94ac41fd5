using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Ingest;

/// <summary>Rank moves between two snapshots. Each model gets at most one move per snapshot: the most notable.</summary>
public static class RankMoves
{
    public static IReadOnlyList<RankMove> Between(RankSnapshot? previous, RankSnapshot current, int enteredTopRank, int climbPlaces)
    {
        // The first snapshot is a baseline: with nothing to compare, nothing moved.
        if (previous is null)
        {
            return [];
        }

        var moves = new List<RankMove>();
        foreach (var entry in current.Entries.Where(e => e.RepoId is not null))
        {
            var repoId = entry.RepoId!;
            var from = previous.RankOf(repoId);
            var to = entry.Rank;
            RankMoveKind? kind =
                to == 1 && from != 1 ? RankMoveKind.ReachedFirst
                : to <= enteredTopRank && (from is null || from > enteredTopRank) ? RankMoveKind.EnteredTop
                : from is not null && from - to >= climbPlaces ? RankMoveKind.Climbed
                : null;
            if (kind is not null)
            {
                moves.Add(new RankMove(repoId, kind.Value, from, to, current.TakenAt));
            }
        }

        return moves;
    }
}
