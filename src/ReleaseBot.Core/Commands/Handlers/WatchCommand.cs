using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Replies;

namespace ReleaseBot.Core.Commands.Handlers;

/// <summary><c>/watch</c> lists; <c>/watch [add] &lt;pattern&gt;</c> adds; <c>/watch remove &lt;pattern&gt;</c> removes.</summary>
public sealed class WatchCommand(IWatchStore watches, TimeProvider timeProvider) : ICommandHandler
{
    public const int MaxWatchesPerChat = 20;

    public string Name => "watch";

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var t = context.T;
        var args = context.Args;
        if (args.Count == 0)
        {
            return await ListAsync(context, cancellationToken);
        }

        var verb = args[0].ToLowerInvariant();
        var remove = verb is "remove" or "rm" or "delete" or "del";
        var patternArgs = remove || verb == "add" ? args.Skip(1).ToList() : [.. args];
        if (patternArgs.Count != 1)
        {
            return CommandReplies.Usage(context, patternArgs.Count == 0 ? t.WatchArgMissing : t.TooManyArguments);
        }

        var pattern = patternArgs[0];
        if (!WatchGlob.IsValid(pattern))
        {
            return CommandReplies.Usage(context, t.BadPattern(CommandReplies.Echo(pattern)));
        }

        if (WatchGlob.IsTooBroad(pattern))
        {
            return CommandReplies.Usage(context, t.PatternTooBroad(CommandReplies.Echo(pattern), WatchGlob.MinLiterals));
        }

        if (!await context.IsAdminAsync(cancellationToken))
        {
            return CommandReplies.NotAdmin(context);
        }

        if (context.Subscription is not { } subscription)
        {
            return CommandReplies.NotSubscribed(context);
        }

        var id = WatchPattern.KeyFor(subscription.Id, pattern);
        if (remove)
        {
            return await watches.RemoveWatchAsync(id, cancellationToken)
                ? Reply.Text(t.WatchRemoved(pattern), ReplyKind.Done)
                : Reply.Error(t.WatchNotFound(pattern));
        }

        var existing = await watches.GetWatchesAsync(subscription.Id, cancellationToken);
        if (existing.Count >= MaxWatchesPerChat && existing.All(w => w.Id != id))
        {
            return Reply.Error(t.TooManyWatches(MaxWatchesPerChat));
        }

        var watch = new WatchPattern { Id = id, SubscriptionId = subscription.Id, Pattern = pattern, CreatedAt = timeProvider.GetUtcNow() };
        return await watches.TryAddWatchAsync(watch, cancellationToken)
            ? Reply.Text(t.WatchAdded(pattern), ReplyKind.Done)
            : Reply.Text(t.WatchExists(pattern));
    }

    private async Task<Reply> ListAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var t = context.T;
        var list = context.Subscription is { } s ? await watches.GetWatchesAsync(s.Id, cancellationToken) : [];
        if (list.Count == 0)
        {
            return Reply.Text(t.NoWatches);
        }

        return new Reply
        {
            Kind = ReplyKind.List,
            Title = t.WatchListTitle,
            Lines = [.. list.OrderBy(w => w.Pattern, StringComparer.OrdinalIgnoreCase).Select(w => new ReplyLine(w.Pattern))],
            Footer = t.WatchRemoveHint,
        };
    }
}
