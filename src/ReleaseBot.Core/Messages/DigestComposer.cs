using System.Globalization;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Planning;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Replies;
using ReleaseBot.Core.Text;
using ReleaseBot.Core.Vendors;

namespace ReleaseBot.Core.Messages;

/// <summary>
/// One subscription's daily digest: releases detected in (from, to] that its filters accept, grouped
/// by vendor; trending moves since the window opened (by the live alerts' <see cref="RankAlertRules"/>); the trending top 10 now.
/// </summary>
public sealed class DigestComposer(IReleaseStore releases, IVendorStore vendorStore, IRankStore ranks, RankAlertRules rankRules)
{
    /// <summary>Past this many releases the digest says "and N more" (renderers split long messages, but a wall of lines helps no one).</summary>
    public const int MaxReleases = 40;
    private const int TopNow = 10;

    public async Task<Reply> ComposeAsync(BotEvent botEvent, Subscription subscription, CancellationToken cancellationToken)
    {
        var language = subscription.Language;
        var t = Texts.For(language);
        var to = botEvent.CoversTo ?? botEvent.OccurredAt;
        var from = botEvent.CoversFrom ?? to.AddDays(-1);
        var vendors = await vendorStore.GetVendorsAsync(cancellationToken);

        var found = await releases.GetDetectedBetweenAsync(from, to, cancellationToken);
        var accepted = found.Where(r => SubscriptionFilterEvaluator.EvaluateRelease(subscription.Filter, r).Accepted).ToList();
        var lines = new List<ReplyLine> { new(t.DigestNew(accepted.Count), Bold: true) };
        lines.AddRange(accepted.Count == 0 ? [new ReplyLine(t.DigestNothingNew)] : ReleaseLines(accepted, vendors, language));

        var now = await ranks.GetSnapshotBeforeAsync(to.AddTicks(1), cancellationToken);
        if (now is not null)
        {
            var before = await ranks.GetSnapshotBeforeAsync(from.AddTicks(1), cancellationToken);
            var moves = RankMoves.Between(before, now, rankRules);
            lines.Add(new ReplyLine(t.DigestRankMoves, Bold: true));
            lines.AddRange(moves.Count == 0 ? [new ReplyLine(t.DigestNoMoves)] : moves.Select(m => new ReplyLine(RankMoveText.Of(t, m), m.RepoId.Url)));
            lines.Add(new ReplyLine(t.DigestTopOn(TopNow, DateText.Day(now.TakenAt)), Bold: true));
            lines.AddRange(RankView.Lines(RankView.Build(now, vendors, TopNow), language));
        }

        var date = botEvent.DigestDate ?? DateOnly.FromDateTime(to.UtcDateTime);
        return new Reply
        {
            Kind = ReplyKind.Digest,
            Title = t.DigestTitle(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            Lines = lines,
            Footer = t.DigestFooter,
        };
    }

    private static IEnumerable<ReplyLine> ReleaseLines(List<Release> accepted, IReadOnlyList<Vendor> vendors, Language language)
    {
        var shown = 0;
        foreach (var group in accepted
            .GroupBy(r => VendorMatcher.OfRelease(vendors, r))
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key?.Id, StringComparer.Ordinal))
        {
            if (shown >= MaxReleases)
            {
                break;
            }

            var name = group.Key?.DisplayName(language) ?? Texts.For(language).OtherOwners;
            yield return new ReplyLine($"{name} ({group.Count().ToString(CultureInfo.InvariantCulture)})", Bold: true);
            foreach (var release in group.OrderBy(r => r.DetectedAt).Take(MaxReleases - shown))
            {
                shown++;
                yield return ReleaseCard.Line(release, group.Key, language);
            }
        }

        if (accepted.Count > shown)
        {
            yield return new ReplyLine(Texts.For(language).MoreNotShown(accepted.Count - shown));
        }
    }
}
