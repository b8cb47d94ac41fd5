using ReleaseBot.Core.Messages;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Replies;
using ReleaseBot.Core.Text;

namespace ReleaseBot.Core.Commands.Handlers;

/// <summary><c>/vendors</c>: every known vendor with country and its places in the newest trending top 10.</summary>
public sealed class VendorsCommand(IVendorStore vendorStore, RankView rankView) : ICommandHandler
{
    private const int Top = 10;

    public string Name => "vendors";

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var t = context.T;
        var vendors = await vendorStore.GetVendorsAsync(cancellationToken);
        if (vendors.Count == 0)
        {
            return Reply.Text(t.NoVendors);
        }

        var table = await rankView.GetLatestAsync(Top, cancellationToken);
        var places = table?.Entries.Count ?? 0;
        var lines = vendors
            .Select(v => (Vendor: v, Seats: table?.CountOf(v.Id) ?? 0))
            .OrderByDescending(x => x.Seats)
            .ThenByDescending(x => x.Vendor.IsChinese)
            .ThenBy(x => x.Vendor.DisplayName(context.Language), StringComparer.OrdinalIgnoreCase)
            .Select(x =>
            {
                var text = $"{x.Vendor.DisplayName(context.Language)} ({x.Vendor.Id}) — {t.CountryName(x.Vendor.Country)}";
                return new ReplyLine(table is null ? text : $"{text} · {t.VendorShare(x.Seats, places)}");
            })
            .ToList();
        if (table is not null)
        {
            lines.Add(new ReplyLine(t.ChineseShare(table.KnownChinese, table.Known, places)));
        }

        return new Reply
        {
            Kind = ReplyKind.List,
            Title = t.VendorsTitle(vendors.Count),
            Lines = lines,
            Footer = table is null ? null : t.VendorsFooter(DateText.Day(table.Snapshot.TakenAt)),
        };
    }
}
