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
            return Reply.Error(t.ModelNotKnown(repoId));
        }

        var vendors = await vendorStore.GetVendorsAsync(cancellationToken);
        var vendor = VendorMatcher.ById(vendors, release.VendorId) ?? VendorMatcher.ByOwner(vendors, release.RepoId);
        var baseVendor = VendorMatcher.ById(vendors, release.BaseVendorId) ?? VendorMatcher.ByOwner(vendors, release.BaseModel);
        var snapshot = await ranks.GetLatestSnapshotAsync(cancellationToken);
        return ReleaseCard.Card(release, vendor, baseVendor, snapshot, context.Language, ReplyKind.Info, headline: null);
    }
}
