using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Replies;

namespace ReleaseBot.Core.Commands.Handlers;

/// <summary><c>/unsubscribe</c>: removes this chat's subscription and its watches; the language choice stays.</summary>
public sealed class UnsubscribeCommand(ISubscriptionStore subscriptions, IWatchStore watches, ChatSettings settings) : ICommandHandler
{
    public string Name => "unsubscribe";

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var t = context.T;
        if (context.Args.Count > 0)
        {
            return CommandReplies.Usage(context, t.TooManyArguments);
        }

        if (!await context.IsAdminAsync(cancellationToken))
        {
            return CommandReplies.NotAdmin(context);
        }

        if (context.Subscription is not { } subscription)
        {
            return Reply.Text(t.NotSubscribed);
        }

        foreach (var watch in await watches.GetWatchesAsync(subscription.Id, cancellationToken))
        {
            await watches.RemoveWatchAsync(watch.Id, cancellationToken);
        }

        await subscriptions.DeleteSubscriptionAsync(subscription.Id, cancellationToken);
        await settings.SaveLanguageAsync(subscription.Chat, subscription.Language, cancellationToken);
        return Reply.Text(t.Unsubscribed, ReplyKind.Done);
    }
}
