using System.Globalization;
using ReleaseBot.Core.Messages;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Planning;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Replies;
using ReleaseBot.Core.Vendors;

namespace ReleaseBot.Core.Commands.Handlers;

/// <summary>
/// <c>/why &lt;owner/name&gt;</c>: how the bot found a repo, whose it is (by owner), official or derivative,
/// and which of this chat's settings would turn it away.
/// </summary>
public sealed class WhyCommand(IReleaseStore releases, IVendorStore vendorStore, IOutbox outbox) : ICommandHandler
{
    public string Name => "why";

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var t = context.T;
        if (!RepoIdArgument.TryReadOnly(context, out var repoId, out var error))
        {
            return error;
        }

        var vendors = await vendorStore.GetVendorsAsync(cancellationToken);
        var owner = repoId.Owner;
        var ownerVendor = VendorMatcher.ByOwner(vendors, repoId);
        var lines = new List<ReplyLine>
        {
            new(ownerVendor is null ? t.WhyOwnerUnknown(owner) : t.WhyOwnerVendor(owner, ownerVendor.DisplayName(context.Language))),
        };

        var release = await releases.FindByRepoIdAsync(repoId, cancellationToken);
        if (release is null)
        {
            lines.Insert(0, new ReplyLine(t.WhyNotSeen(repoId.ToString()), Bold: true));
            return new Reply { Kind = ReplyKind.Info, Title = repoId.ToString(), Lines = lines };
        }

        var detected = release.DetectedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        lines.Insert(0, new ReplyLine(t.WhyFoundBy(t.DiscoveryName(release.FoundBy), detected), Bold: true));
        if (!release.RepoId.Equals(repoId))
        {
            lines.Add(new ReplyLine(t.WhyRenamed(repoId.ToString(), release.RepoId.ToString())));
        }

        lines.Add(new ReplyLine(release.Official
            ? t.WhyOfficial
            : t.WhyDerivative(release.BaseModel ?? t.Unknown)));
        lines.AddRange(ChatVerdict(context, release, vendors));
        lines.Add(new ReplyLine(await DeliveryStoryAsync(context, release, cancellationToken)));
        return new Reply { Kind = ReplyKind.Info, Title = release.RepoId.ToString(), TitleUrl = release.Url, Lines = lines };
    }

    // What actually happened to the announcement in this chat, from the outbox row (its key is natural).
    private async Task<string> DeliveryStoryAsync(CommandContext context, Release release, CancellationToken cancellationToken)
    {
        var t = context.T;
        if (release.FoundBy == DiscoveryPath.Seed)
        {
            return t.WhySeed;
        }

        if (context.Subscription is not { } subscription)
        {
            return t.WhyNotPlanned;
        }

        var eventId = BotEvent.ReleaseDetected(release, release.DetectedAt).Id;
        var delivery = await outbox.GetAsync(Delivery.KeyFor(subscription.Id, eventId), cancellationToken);
        return delivery switch
        {
            { State: DeliveryState.Sent } => t.WhySent((delivery.SentAt ?? delivery.CreatedAt).ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)),
            { State: DeliveryState.Pending } => t.WhyPending,
            { State: DeliveryState.Failed } => t.WhyFailed(CommandReplies.Echo(delivery.LastError ?? t.Unknown)),
            { State: DeliveryState.Dropped } => t.WhyDropped,
            _ when release.DetectedAt < subscription.CreatedAt => t.WhyBeforeSubscription,
            _ => t.WhyNotPlanned,
        };
    }

    private static IEnumerable<ReplyLine> ChatVerdict(CommandContext context, Release release, IReadOnlyList<Vendor> vendors)
    {
        var t = context.T;
        if (context.Subscription is not { } subscription)
        {
            yield return new ReplyLine(t.WhyNoSubscription);
            yield break;
        }

        if (!subscription.Active)
        {
            yield return new ReplyLine(t.WhyPaused(subscription.PausedReason ?? t.Unknown));
        }

        var decision = SubscriptionFilterEvaluator.EvaluateRelease(subscription.Filter, release);
        var rejections = FilterText.Reasons(decision, subscription.Filter, release, vendors, context.Language);
        if (rejections.Count == 0)
        {
            yield return new ReplyLine(subscription.WantsInstant || !subscription.Active ? t.WhyAccepted : t.WhyAcceptedDigestOnly);
            // The release passes, so what still turns its trending moves away can only be the rank-alert switch.
            var moves = SubscriptionFilterEvaluator.EvaluateRankMoves(subscription.Filter, release);
            foreach (var reason in FilterText.Reasons(moves, subscription.Filter, release, vendors, context.Language))
            {
                yield return new ReplyLine(t.WhyRankMovesNot(reason));
            }

            yield break;
        }

        yield return new ReplyLine(t.WhyRejected);
        foreach (var reason in rejections)
        {
            yield return new ReplyLine("• " + reason);
        }
    }
}
