using ReleaseBot.Core.Messages;
using ReleaseBot.Core.Replies;
using ReleaseBot.Core.Text;

namespace ReleaseBot.Core.Commands.Handlers;

/// <summary><c>/rank [top]</c>: the newest trending snapshot with vendors and the Chinese share.</summary>
public sealed class RankCommand(RankView rankView) : ICommandHandler
{
    public const int DefaultTop = 10;
    public const int MaxTop = 50;

    public string Name => "rank";

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var t = context.T;
        var top = DefaultTop;
        if (context.Args.Count > 1)
        {
            return CommandReplies.Usage(context, t.TooManyArguments);
        }

        if (context.Args.Count == 1 && !CountArgument.TryParse(context.Args[0], 1, MaxTop, out top))
        {
            return CommandReplies.Usage(context, t.CountOutOfRange(CommandReplies.Echo(context.Args[0]), 1, MaxTop));
        }

        var table = await rankView.GetLatestAsync(top, cancellationToken);
        if (table is null)
        {
            return Reply.Text(t.NoRanking);
        }

        return new Reply
        {
            Kind = ReplyKind.List,
            Title = t.RankTitle(DateText.Day(table.Snapshot.TakenAt), table.Snapshot.Source),
            Lines = RankView.Lines(table, context.Language),
            Footer = table.Snapshot.Note,
        };
    }
}
