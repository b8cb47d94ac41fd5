using ReleaseBot.Core.Dispatch;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Planning;

namespace ReleaseBot.Core.Digests;

/// <summary>Whether a digest window holds anything for a subscriber (for <see cref="DigestEmptyDay.Skip"/>).</summary>
public sealed class DigestContent(IReleaseStore releases, IRankStore ranks)
{
    /// <summary>
    /// True when a release detected in (from, to] passes the subscriber's filters, or (with rank
    /// alerts on) the trending list changed within the window.
    /// </summary>
    public async Task<bool> HasNewsAsync(Subscription subscription, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var detected = await releases.GetDetectedBetweenAsync(from, to, cancellationToken);
        if (detected.Any(r => SubscriptionFilterEvaluator.EvaluateRelease(subscription.Filter, r).Accepted))
        {
            return true;
        }

        if (!subscription.Filter.RankAlerts)
        {
            return false;
        }

        var latest = await ranks.GetLatestSnapshotAsync(cancellationToken);
        if (latest is null || latest.TakenAt <= from || latest.TakenAt > to)
        {
            return false;
        }

        // The list in force at the window's start: the newest one taken at or before it.
        var before = await ranks.GetSnapshotBeforeAsync(from.AddTicks(1), cancellationToken);
        return before is null || !SameOrder(before, latest);
    }

    private static bool SameOrder(RankSnapshot a, RankSnapshot b) =>
        a.Entries.Select(e => e.RepoId).SequenceEqual(b.Entries.Select(e => e.RepoId));
}
