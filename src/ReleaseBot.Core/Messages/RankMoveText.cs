using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Text;

namespace ReleaseBot.Core.Messages;

/// <summary>How a rank move reads, the same in a live alert and in the digest.</summary>
public static class RankMoveText
{
    public static string Of(Texts t, RankMove move) => move.Kind switch
    {
        RankMoveKind.ReachedFirst => t.RankReachedFirst(move.RepoId.ToString()),
        RankMoveKind.EnteredTop => t.RankEnteredTop(move.RepoId.ToString(), move.To),
        _ => t.RankClimbed(move.RepoId.ToString(), (move.From ?? move.To) - move.To, move.To),
    };
}
