using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Messages;

/// <summary>Moves between two trending snapshots within the top N: reached #1, entered, climbed.</summary>
public static class RankMoves
{
    public static IReadOnlyList<RankMove> Between(RankSnapshot? before, RankSnapshot now, int top)
    {
        if (before is null || before.Id == now.Id)
        {
            return [];
        }

        var moves = new List<RankMove>();
        foreach (var entry in now.Entries.Where(e => e.RepoId is not null && e.Rank <= top).OrderBy(e => e.Rank))
        {
            var previous = before.RankOf(entry.RepoId!);
            if (entry.Rank == 1 && previous != 1)
            {
                moves.Add(new RankMove(entry.RepoId!, RankMoveKind.ReachedFirst, previous, 1, now.TakenAt));
            }
            else if (previous is null || previous > top)
            {
                moves.Add(new RankMove(entry.RepoId!, RankMoveKind.EnteredTop, previous, entry.Rank, now.TakenAt));
            }
            else if (previous > entry.Rank)
            {
                moves.Add(new RankMove(entry.RepoId!, RankMoveKind.Climbed, previous, entry.Rank, now.TakenAt));
            }
        }

        return moves;
    }
}
