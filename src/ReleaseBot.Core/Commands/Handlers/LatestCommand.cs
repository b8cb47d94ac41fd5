using ReleaseBot.Core.Messages;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Replies;
using ReleaseBot.Core.Vendors;

namespace ReleaseBot.Core.Commands.Handlers;

/// <summary><c>/latest [vendor] [count]</c>: the newest official releases, optionally of one vendor.</summary>
public sealed class LatestCommand(IReleaseStore releases, IVendorStore vendorStore) : ICommandHandler
{
    public const int DefaultCount = 5;
    public const int MaxCount = 20;
    private const int VariantHeadroom = 4;

    public string Name => "latest";

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var t = context.T;
        var count = DefaultCount;
        var countGiven = false;
        var words = new List<string>();
        foreach (var arg in context.Args)
        {
            if (!CountArgument.LooksNumeric(arg))
            {
                words.Add(arg);
                continue;
            }

            if (countGiven || !CountArgument.TryParse(arg, 1, MaxCount, out count))
            {
                return CommandReplies.Usage(context, t.CountOutOfRange(CommandReplies.Echo(arg), 1, MaxCount));
            }

            countGiven = true;
        }

        var vendors = await vendorStore.GetVendorsAsync(cancellationToken);
        Vendor? vendor = null;
        if (words.Count > 0)
        {
            var match = VendorMatcher.Match(vendors, string.Join(' ', words));
            // "/latest qwen abc": the vendor is fine, the count is not a number.
            if (!match.Found && words.Count > 1 && VendorMatcher.Match(vendors, string.Join(' ', words[..^1])).Found)
            {
                return CommandReplies.Usage(context, t.CountOutOfRange(CommandReplies.Echo(words[^1]), 1, MaxCount));
            }

            if (!match.Found)
            {
                return CommandReplies.UnknownVendor(context, string.Join(' ', words), match.Suggestions);
            }

            vendor = match.Vendor;
        }

        var vendorName = vendor?.DisplayName(context.Language);
        // Read more than asked: a vendor's FP8/GPTQ/Diffusers twins fold into their model's line.
        var newest = await releases.GetLatestAsync(vendor?.Id, count * VariantHeadroom, officialOnly: true, cancellationToken);
        var list = ReleaseGroup.Fold(newest).Take(count).ToList();
        if (list.Count == 0)
        {
            return Reply.Text(t.NoReleases(vendorName));
        }

        return new Reply
        {
            Kind = ReplyKind.List,
            Title = t.LatestTitle(list.Count, vendorName),
            Lines = [.. list.Select(g => ReleaseCard.Line(
                g.Main,
                VendorMatcher.OfRelease(vendors, g.Main),
                context.Language,
                g.VariantLabels()))],
        };
    }
}
