using System.Globalization;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Replies;
using ReleaseBot.Core.Text;
using ReleaseBot.Core.Vendors;

namespace ReleaseBot.Core.Messages;

/// <summary>The message each event becomes for one subscription, read from the store at send time.</summary>
public sealed class EventComposer(IReleaseStore releases, IVendorStore vendorStore, IRankStore ranks, DigestComposer digests)
    : IEventComposer
{
    public async Task<Reply?> ComposeAsync(BotEvent botEvent, Subscription subscription, CancellationToken cancellationToken)
    {
        var language = subscription.Language;
        return botEvent.Kind switch
        {
            EventKind.ReleaseDetected => await ReleaseAsync(botEvent, language, null, cancellationToken),
            EventKind.WatchHit => await ReleaseAsync(botEvent, language, botEvent.WatchPattern ?? string.Empty, cancellationToken),
            EventKind.RankChanged => await RankAsync(botEvent, language, cancellationToken),
            EventKind.Digest => await digests.ComposeAsync(botEvent, subscription, cancellationToken),
            _ => null,
        };
    }

    /// <summary>
    /// Announcements, watch hits and rank moves depend on the subscription only through its language;
    /// a digest is the subscriber's own (its filters, its day), so it is never shared.
    /// </summary>
    public string? ShareKey(BotEvent botEvent, Subscription subscription) => botEvent.Kind switch
    {
        EventKind.ReleaseDetected or EventKind.WatchHit or EventKind.RankChanged =>
            string.Concat(botEvent.Id, "|", subscription.Language.ToString()),
        _ => null,
    };

    private async Task<Reply?> ReleaseAsync(BotEvent botEvent, Language language, string? watchPattern, CancellationToken cancellationToken)
    {
        var release = botEvent.ReleaseId is null ? null : await releases.GetReleaseAsync(botEvent.ReleaseId, cancellationToken);
        if (release is null)
        {
            return null;
        }

        var vendors = await vendorStore.GetVendorsAsync(cancellationToken);
        var vendor = VendorMatcher.OfRelease(vendors, release);
        var baseVendor = VendorMatcher.OfBaseModel(vendors, release);
        var snapshot = await ranks.GetLatestSnapshotAsync(cancellationToken);
        var t = Texts.For(language);
        var headline = watchPattern is not null
            ? t.WatchHitHeadline(watchPattern)
            : t.NewReleaseHeadline(ReleaseCard.VendorName(release, vendor, language));
        return ReleaseCard.Card(release, vendor, baseVendor, snapshot, language, ReplyKind.Announcement, headline);
    }

    private async Task<Reply?> RankAsync(BotEvent botEvent, Language language, CancellationToken cancellationToken)
    {
        if (botEvent.RankMove is not { } move)
        {
            return null;
        }

        var t = Texts.For(language);
        var url = move.RepoId.Url;
        var release = await releases.FindByRepoIdAsync(move.RepoId, cancellationToken);
        var vendors = await vendorStore.GetVendorsAsync(cancellationToken);
        var vendor = VendorMatcher.ById(vendors, release?.VendorId) ?? VendorMatcher.ByOwner(vendors, move.RepoId);
        var headline = RankMoveText.Of(t, move);
        var fields = new List<ReplyField>
        {
            new(t.FieldTrending, "#" + move.To.ToString(CultureInfo.InvariantCulture)),
            new(t.FieldVendor, vendor is null ? t.UnknownOwner(move.RepoId.Owner) : t.VendorWithCountry(vendor.DisplayName(language), vendor.Country)),
        };
        if (move.From is { } from)
        {
            fields.Add(new ReplyField(t.FieldPrevious, "#" + from.ToString(CultureInfo.InvariantCulture)));
        }

        return new Reply
        {
            Kind = ReplyKind.Announcement,
            Title = release?.Title ?? move.RepoId.ToString(),
            TitleUrl = url,
            Lines = [new ReplyLine(headline, Bold: true)],
            Fields = fields,
            Links = [new ReplyLink(t.ModelPage, url)],
            VendorId = vendor?.Id,
        };
    }
}
