using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Messages;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Replies;
using ReleaseBot.Core.Vendors;

namespace ReleaseBot.Core.Commands.Handlers;

/// <summary>
/// <c>/subscribe [vendors…] [mode] [modalities…] [min:size] [official|derivatives] [ranks:on|off]</c> creates or updates
/// this chat's subscription: each setting named replaces that setting, the others are kept, and a paused subscription
/// is re-activated (so a plain <c>/subscribe</c> changes no filter). On Telegram, <c>/subscribe @channel …</c> (or the
/// channel's numeric id) from a private chat subscribes a channel. <see cref="SubscribeArguments"/> reads the words.
/// </summary>
public sealed class SubscribeCommand(ISubscriptionStore subscriptions, IVendorStore vendorStore, ChatSettings settings) : ICommandHandler
{
    public string Name => "subscribe";

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var args = context.Args.ToList();
        var channel = args.Count > 0 && IsChannelReference(args[0], context.Request.IsPrivate) ? args[0] : null;
        if (channel is not null)
        {
            args.RemoveAt(0);
        }
        else if (!await context.IsAdminAsync(cancellationToken))
        {
            return CommandReplies.NotAdmin(context);
        }

        var vendors = await vendorStore.GetVendorsAsync(cancellationToken);
        if (!SubscribeArguments.TryRead(context, args, vendors, out var change, out var error))
        {
            return error;
        }

        return channel is null
            ? await SubscribeChatAsync(context, change, vendors, cancellationToken)
            : await SubscribeChannelAsync(context, channel, change, vendors, cancellationToken);
    }

    private async Task<Reply> SubscribeChatAsync(CommandContext context, SubscriptionChange change, IReadOnlyList<Vendor> vendors, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var existing = context.Subscription;
        var subscription = change.Apply(existing ?? settings.Create(request.Chat, request.ChatTitle, request.SenderId, context.Language));
        subscription = subscription with { Group = request.Group ?? subscription.Group };
        await subscriptions.UpsertSubscriptionAsync(subscription, cancellationToken);
        var reply = Done(context, subscription, existing, vendors);
        if (!request.ChatPicked || existing is { Active: true })
        {
            return reply;
        }

        // A chat picked from elsewhere hears from the bot once, so its members know why messages will arrive there.
        var posted = await request.Environment.PostToChannelAsync(request.Chat.ChatId, Reply.Text(context.T.ChannelWelcome), cancellationToken);
        return posted ? reply : reply with { Footer = context.T.ChannelFirstPostFailed };
    }

    private async Task<Reply> SubscribeChannelAsync(
        CommandContext context, string channel, SubscriptionChange change, IReadOnlyList<Vendor> vendors, CancellationToken cancellationToken)
    {
        var t = context.T;
        var request = context.Request;
        if (request.Chat.Platform != Platform.Telegram)
        {
            return CommandReplies.Usage(context, t.ChannelTelegramOnly);
        }

        if (!request.IsPrivate)
        {
            return CommandReplies.Usage(context, t.ChannelFromPrivateChat);
        }

        var shown = CommandReplies.Echo(channel);
        var check = await request.Environment.CheckChannelAsync(channel, cancellationToken);
        if (check.Status != ChannelCheckStatus.Ok || check.ChatId is null)
        {
            return Reply.Error(check.Status switch
            {
                ChannelCheckStatus.BotCannotPost => t.ChannelBotCannotPost(shown),
                ChannelCheckStatus.SenderNotAdmin => t.ChannelSenderNotAdmin(shown),
                ChannelCheckStatus.NotSupported => t.ChannelTelegramOnly,
                _ => t.ChannelNotFound(shown),
            });
        }

        var chat = new ChatAddress(Platform.Telegram, check.ChatId);
        var existing = await subscriptions.FindByChatAsync(chat, cancellationToken);
        var subscription = change.Apply(existing ?? settings.Create(chat, check.Title ?? channel, request.SenderId, context.Language));
        await subscriptions.UpsertSubscriptionAsync(subscription, cancellationToken);
        var posted = await request.Environment.PostToChannelAsync(check.ChatId, Reply.Text(t.ChannelWelcome), cancellationToken);
        var reply = Done(context, subscription, existing, vendors);
        return posted ? reply : reply with { Footer = t.ChannelFirstPostFailed };
    }

    private static Reply Done(CommandContext context, Subscription subscription, Subscription? before, IReadOnlyList<Vendor> vendors)
    {
        var t = context.T;
        var filter = subscription.Filter;
        var language = context.Language;
        var headline = before is null ? t.Subscribed : before.Active ? t.SubscriptionUpdated : t.SubscriptionResumed;
        return new Reply
        {
            Kind = ReplyKind.Done,
            Lines =
            [
                new ReplyLine(headline, Bold: true),
                new ReplyLine(t.SubscriptionSummary(FilterText.Vendors(filter, vendors, language), t.ModeName(subscription.Mode))),
                new ReplyLine(t.FilterSummary(
                    FilterText.Modalities(filter, language), FilterText.MinParams(filter, language),
                    FilterText.OfficialOnly(filter, language), FilterText.RankAlerts(filter, language))),
                new ReplyLine(t.SeeSettings),
            ],
        };
    }

    // "@name" always names a channel; a numeric id does too when it looks like one ("-100…") or comes from a private
    // chat, where no vendor is spelled as a bare integer.
    private static bool IsChannelReference(string arg, bool isPrivate) =>
        arg.StartsWith('@')
        || (long.TryParse(arg, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _)
            && (isPrivate || arg.StartsWith("-100", StringComparison.Ordinal)));
}
