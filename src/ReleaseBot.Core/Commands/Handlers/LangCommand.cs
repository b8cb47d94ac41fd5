using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Replies;
using ReleaseBot.Core.Text;

namespace ReleaseBot.Core.Commands.Handlers;

/// <summary><c>/lang en|zh</c>: the chat's reply language (kept on the subscription, or in state before one exists).</summary>
public sealed class LangCommand(ISubscriptionStore subscriptions, ChatSettings settings) : ICommandHandler
{
    public string Name => "lang";

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var t = context.T;
        if (context.Args.Count != 1)
        {
            return CommandReplies.Usage(context, context.Args.Count == 0 ? t.LangArgMissing : t.TooManyArguments);
        }

        if (Parse(context.Args[0]) is not { } language)
        {
            return CommandReplies.Usage(context, t.BadLanguage(CommandReplies.Echo(context.Args[0])));
        }

        if (!await context.IsAdminAsync(cancellationToken))
        {
            return CommandReplies.NotAdmin(context);
        }

        if (context.Subscription is { } subscription)
        {
            await subscriptions.UpsertSubscriptionAsync(subscription with { Language = language }, cancellationToken);
        }

        await settings.SaveLanguageAsync(context.Request.Chat, language, cancellationToken);
        return Reply.Text(Texts.For(language).LanguageSet, ReplyKind.Done);
    }

    private static Language? Parse(string text) => text.ToLowerInvariant() switch
    {
        "en" or "english" or "英文" or "英语" => Language.En,
        "zh" or "cn" or "chinese" or "中文" or "汉语" => Language.Zh,
        _ => null,
    };
}
