using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Vendors;
using ReleaseBot.Discord.Commands;
using N = ReleaseBot.Discord.Commands.DiscordOptionNames;

namespace ReleaseBot.Discord.Receiving;

/// <summary>
/// Choices for the option being typed (interaction type 4): vendors from the catalogue for <c>vendor</c> and
/// <c>name</c>, IANA zones for <c>zone</c>. At most 25, names at most 100 characters, values the ids commands accept.
/// </summary>
public sealed class DiscordAutocomplete(IVendorStore vendorStore)
{
    public const int MaxChoices = 25;
    public const int MaxName = 100;

    public async Task<IReadOnlyList<DiscordCommandChoice>> ChoicesAsync(InteractionPayload interaction, CancellationToken cancellationToken)
    {
        var focused = interaction.Data?.Options.FirstOrDefault(o => o.Focused);
        var typed = focused?.Text ?? string.Empty;
        return focused?.Name switch
        {
            N.Vendor or N.Name => Vendors(await vendorStore.GetVendorsAsync(cancellationToken), typed),
            N.Zone => Zones(typed),
            _ => [],
        };
    }

    public static IReadOnlyList<DiscordCommandChoice> Vendors(IReadOnlyList<Vendor> vendors, string typed)
    {
        var key = NameKey.Of(typed);
        var match = VendorMatcher.Match(vendors, typed);
        var ranked = key.Length == 0
            ? vendors.OrderBy(v => v.Id, StringComparer.Ordinal)
            : new[] { match.Vendor }.OfType<Vendor>()
                .Concat(vendors.Where(v => Names(v).Any(n => NameKey.Of(n).StartsWith(key, StringComparison.Ordinal))))
                .Concat(vendors.Where(v => Names(v).Any(n => NameKey.Of(n).Contains(key, StringComparison.Ordinal))))
                .Concat(match.Suggestions);
        return [.. ranked.DistinctBy(v => v.Id).Take(MaxChoices).Select(v => new DiscordCommandChoice(Cut($"{v.NameEn} · {v.NameZh} ({v.Id})"), v.Id))];
    }

    public static IReadOnlyList<DiscordCommandChoice> Zones(string typed)
    {
        var text = typed.Trim();
        return [.. TimeZoneInfo.GetSystemTimeZones()
            .Where(z => z.HasIanaId && z.Id.Length <= MaxName && z.Id.Contains(text, StringComparison.OrdinalIgnoreCase))
            .OrderBy(z => z.Id.StartsWith(text, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(z => z.Id, StringComparer.Ordinal)
            .Take(MaxChoices)
            .Select(z => new DiscordCommandChoice(z.Id, z.Id))];
    }

    private static IEnumerable<string?> Names(Vendor v) =>
        new[] { v.Id, v.NameEn, v.NameZh, v.ShortName }.Concat(v.Aliases).Concat(v.HfOrgs).Concat(v.Families);

    private static string Cut(string text) => text.Length <= MaxName ? text : string.Concat(text.AsSpan(0, MaxName - 1), "…");
}
