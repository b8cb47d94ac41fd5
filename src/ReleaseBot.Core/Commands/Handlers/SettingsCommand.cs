using System.Globalization;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Messages;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Replies;
using ReleaseBot.Core.Text;
using ReleaseBot.Core.Vendors;

namespace ReleaseBot.Core.Commands.Handlers;

/// <summary><c>/settings</c>: this chat's filters, mode, digest time and zone, language, pause reason and watches.</summary>
public sealed class SettingsCommand(IVendorStore vendorStore, IWatchStore watches) : ICommandHandler
{
    public string Name => "settings";

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var t = context.T;
        if (context.Args.Count > 0)
        {
            return CommandReplies.Usage(context, t.SettingsReadOnly);
        }

        if (context.Subscription is not { } s)
        {
            return new Reply
            {
                Lines = [new ReplyLine(t.NotSubscribedHint), new ReplyLine($"{t.FieldLanguage}: {t.LanguageName(context.Language)}")],
            };
        }

        var vendors = await vendorStore.GetVendorsAsync(cancellationToken);
        var watchList = await watches.GetWatchesAsync(s.Id, cancellationToken);
        var f = s.Filter;
        var fields = new List<ReplyField>
        {
            new(t.FieldState, s.Active ? t.Active : t.Paused(s.PausedReason ?? t.Unknown)),
            new(t.FieldVendors, FilterText.Vendors(f, vendors, context.Language), Inline: false),
            new(t.FieldModalities, FilterText.Modalities(f, context.Language)),
            new(t.FieldMinParams, FilterText.MinParams(f, context.Language)),
            new(t.FieldOfficialOnly, FilterText.OfficialOnly(f, context.Language)),
            new(t.FieldRankAlerts, FilterText.RankAlerts(f, context.Language)),
            new(t.FieldMode, t.ModeName(s.Mode)),
            new(t.FieldDigest, $"{s.DigestTime.ToString("HH:mm", CultureInfo.InvariantCulture)} {s.TimeZone}" + (s.WantsDigest || !s.Active ? string.Empty : $" ({t.DigestOff})")),
            new(t.FieldLanguage, t.LanguageName(s.Language)),
            new(t.FieldWatches, watchList.Count == 0 ? t.None : string.Join(", ", watchList.Select(w => w.Pattern)), Inline: false),
        };
        return new Reply { Title = t.SettingsTitle(s.ChatTitle ?? s.Chat.Key), Fields = fields, Footer = t.SettingsFooter };
    }
}
