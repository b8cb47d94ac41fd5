using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Messages;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Replies;
using ReleaseBot.Core.Vendors;

namespace ReleaseBot.Core.Commands.Handlers;

/// <summary>
/// <c>/subscribe [vendors…] [instant|digest|both]</c> creates or updates this chat's subscription (a paused one is
/// re-activated). On Telegram, <c>/subscribe @channel [vendors…]</c> (or the channel's numeric id) from a private chat
/// subscribes a channel.
/// </summary>
public sealed class SubscribeCommand(ISubscriptionStore subscriptions, IVendorStore vendorStore, ChatSettings settings) : ICommandHandler
{
    private const int MaxNameWords = 3;

    public string Name => "subscribe";

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var t = context.T;
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

        DeliveryMode? mode = null;
        var vendorIds = new List<string>();
        var allVendors = false;
        var vendors = await vendorStore.GetVendorsAsync(cancellationToken);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (ParseMode(arg) is { } parsed)
            {
                if (mode is not null)
                {
                    return CommandReplies.Usage(context, t.OneModeOnly);
                }

                mode = parsed;
            }
            else if (arg.Equals("all", StringComparison.OrdinalIgnoreCase) || arg == "全部")
            {
                allVendors = true;
            }
            else if (MatchSpan(vendors, args, i) is { Vendor: { } vendor, Words: var words })
            {
                vendorIds.Add(vendor.Id);
                i += words - 1;
            }
            else
            {
                return CommandReplies.UnknownVendor(context, arg, VendorMatcher.Match(vendors, arg).Suggestions);
            }
        }

        var change = new SubscriptionChange(mode, allVendors ? [] : vendorIds.Count > 0 ? [.. vendorIds.Distinct(StringComparer.Ordinal)] : null);
        return channel is null
            ? await SubscribeChatAsync(context, change, vendors, cancellationToken)
            : await SubscribeChannelAsync(context, channel, change, vendors, cancellationToken);
    }

    private async Task<Reply> SubscribeChatAsync(CommandContext context, SubscriptionChange change, IReadOnlyList<Vendor> vendors, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var existing = context.Subscription;
        var subscription = change.Apply(existing ?? settings.Create(request.Chat, request.ChatTitle, request.SenderId, context.Language));
        await subscriptions.UpsertSubscriptionAsync(subscription, cancellationToken);
        return Done(context, subscription, existing, vendors);
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
        var headline = before is null ? t.Subscribed : before.Active ? t.SubscriptionUpdated : t.SubscriptionResumed;
        return new Reply
        {
            Kind = ReplyKind.Done,
            Lines =
            [
                new ReplyLine(headline, Bold: true),
                new ReplyLine(t.SubscriptionSummary(FilterText.Vendors(subscription.Filter, vendors, context.Language), t.ModeName(subscription.Mode))),
                new ReplyLine(t.SeeSettings),
            ],
        };
    }

    // Vendor names may take several words ("moonshot ai", "black forest labs"): the longest span that names a vendor wins.
    private static (Vendor? Vendor, int Words) MatchSpan(IReadOnlyList<Vendor> vendors, List<string> args, int start)
    {
        for (var words = Math.Min(MaxNameWords, args.Count - start); words >= 1; words--)
        {
            if (VendorMatcher.Match(vendors, string.Join(' ', args.GetRange(start, words))).Vendor is { } vendor)
            {
                return (vendor, words);
            }
        }

        return (null, 0);
    }

    // "@name" always names a channel; a numeric id does too when it looks like one ("-100…") or comes from a private
    // chat, where no vendor is spelled as a bare integer.
    private static bool IsChannelReference(string arg, bool isPrivate) =>
        arg.StartsWith('@')
        || (long.TryParse(arg, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _)
            && (isPrivate || arg.StartsWith("-100", StringComparison.Ordinal)));

    private static DeliveryMode? ParseMode(string arg) => arg.ToLowerInvariant() switch
    {
        "instant" or "即时" => DeliveryMode.Instant,
        "digest" or "摘要" => DeliveryMode.Digest,
        "both" or "两者" => DeliveryMode.Both,
        _ => null,
    };

    /// <summary>What /subscribe changes: mode and vendor list when given (empty list = all vendors); re-activates.</summary>
    private sealed record SubscriptionChange(DeliveryMode? Mode, IReadOnlyList<string>? Vendors)
    {
        public Subscription Apply(Subscription subscription) => subscription with
        {
            Mode = Mode ?? subscription.Mode,
            Filter = Vendors is null ? subscription.Filter : subscription.Filter with { Vendors = Vendors },
            Active = true,
            PausedReason = null,
            PausedAt = null,
        };
    }
}
