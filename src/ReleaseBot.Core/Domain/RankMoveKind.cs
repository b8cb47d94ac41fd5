namespace ReleaseBot.Core.Domain;

public enum RankMoveKind
{
    EnteredTop = 0,
    ReachedFirst = 1,
    Climbed = 2,
}
