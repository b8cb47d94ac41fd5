using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Replies;

namespace ReleaseBot.Core.Commands.Handlers;

/// <summary><c>/help</c> (and <c>/start</c>): every command with its usage, in the chat's language.</summary>
public sealed class HelpCommand : ICommandHandler
{
    public string Name => "help";

    public Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var t = context.T;
        var lines = CommandCatalog.All.Select(c => new ReplyLine(
            $"{c.Usage}{(c.NeedsAdmin ? " *" : string.Empty)} — {(context.Language == Language.Zh ? c.DescriptionZh : c.DescriptionEn)}"));
        return Task.FromResult(new Reply
        {
            Title = t.HelpTitle,
            Lines = [new ReplyLine(t.HelpIntro), .. lines],
            Footer = t.HelpFooter,
        });
    }
}
