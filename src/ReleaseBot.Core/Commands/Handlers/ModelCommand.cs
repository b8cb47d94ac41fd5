using ReleaseBot.Core.Messages;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Replies;
using ReleaseBot.Core.Vendors;

namespace ReleaseBot.Core.Commands.Handlers;

/// <summary><c>/model &lt;owner/name&gt;</c>: the card of one known release.</summary>
public sealed class ModelCommand(IReleaseStore releases, IVendorStore vendorStore, IRankStore ranks) : ICommandHandler
{
    public string Name => "model";

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var t = context.T;
        if (!RepoIdArgument.TryReadOnly(context, out var repoId, out var error))
        {
            return error;
        }

        var release = await releases.FindByRepoIdAsync(repoId, cancellationToken);
        if (release is null)
        {
            return Reply.Error(t.ModelNotKnown(repoId.ToString()));
        }

        var vendors = await vendorStore.GetVendorsAsync(cancellationToken);
        var vendor = VendorMatcher.OfRelease(vendors, release);
        var baseVendor = VendorMatcher.OfBaseModel(vendors, release);
        var snapshot = await ranks.GetLatestSnapshotAsync(cancellationToken);
        return ReleaseCard.Card(release, vendor, baseVendor, snapshot, context.Language, ReplyKind.Info, headline: null);
    }
}
