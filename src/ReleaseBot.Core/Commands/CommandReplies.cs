using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Replies;

namespace ReleaseBot.Core.Commands;

/// <summary>The error replies every handler shares: bad input with usage, admin refusal, unknown vendor.</summary>
public static class CommandReplies
{
    private const int EchoLength = 40;

    /// <summary>An error naming the problem, followed by the command's usage.</summary>
    public static Reply Usage(CommandContext context, string problem) => new()
    {
        Kind = ReplyKind.Error,
        Lines = [new ReplyLine(problem), new ReplyLine(context.T.UsageLine(context.Usage))],
    };

    public static Reply NotAdmin(CommandContext context) => Reply.Error(context.T.NeedsAdmin("/" + context.Name));

    public static Reply NotSubscribed(CommandContext context) => Reply.Error(context.T.NotSubscribedHint);

    public static Reply UnknownVendor(CommandContext context, string typed, IReadOnlyList<Vendor> suggestions)
    {
        var t = context.T;
        var lines = new List<ReplyLine> { new(t.UnknownVendor(Echo(typed))) };
        if (suggestions.Count > 0)
        {
            lines.Add(new ReplyLine(t.DidYouMean(string.Join(", ", suggestions.Select(v => v.Id)))));
        }

        lines.Add(new ReplyLine(t.SeeVendors));
        lines.Add(new ReplyLine(t.UsageLine(context.Usage)));
        return new Reply { Kind = ReplyKind.Error, Lines = lines };
    }

    /// <summary>User input quoted back, cut short and without control characters (renderers escape markup).</summary>
    public static string Echo(string typed)
    {
        var clean = new string([.. typed.Where(c => !char.IsControl(c))]);
        return clean.Length <= EchoLength ? clean : clean[..EchoLength] + "…";
    }
}
