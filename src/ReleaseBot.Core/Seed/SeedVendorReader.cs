using System.Text.RegularExpressions;
using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Seed;

/// <summary>Validates <c>vendors.json</c> and maps it to <see cref="Vendor"/>s.</summary>
internal static partial class SeedVendorReader
{
    public static IReadOnlyList<Vendor> Read(SeedVendorFile file, string fileName)
    {
        var errors = new SeedErrors(fileName);
        if (file.Vendors is not { Count: > 0 } dtos)
        {
            errors.Add("vendors", "missing or empty");
            errors.ThrowIfAny();
            return [];
        }

        var vendors = new List<Vendor>(dtos.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var orgOwners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < dtos.Count; i++)
        {
            var at = $"vendors[{i}]";
            if (dtos[i] is not { } dto)
            {
                errors.Add(at, "null");
                continue;
            }

            if (dto.Id is null || !VendorIdPattern().IsMatch(dto.Id))
            {
                errors.Add($"{at}.id", dto.Id is null ? "missing" : $"'{dto.Id}' must be lower-case letters, digits or '-'");
            }
            else if (!ids.Add(dto.Id))
            {
                errors.Add($"{at}.id", $"'{dto.Id}' appears twice");
            }

            Require(errors, $"{at}.nameEn", dto.NameEn);
            Require(errors, $"{at}.nameZh", dto.NameZh);
            if (dto.Country is null || !CountryPattern().IsMatch(dto.Country))
            {
                errors.Add($"{at}.country", dto.Country is null ? "missing" : $"'{dto.Country}' is not an ISO 3166-1 alpha-2 code like CN or US");
            }

            var hfOrgs = errors.Names($"{at}.hfOrgs", dto.HfOrgs);
            var legacyOrgs = errors.Names($"{at}.legacyOrgs", dto.LegacyOrgs);
            if (hfOrgs.Count == 0)
            {
                errors.Add($"{at}.hfOrgs", "at least one Hugging Face org is needed (releases belong to vendors by org)");
            }

            // An org owned twice would make attribution depend on file order.
            foreach (var org in hfOrgs.Concat(legacyOrgs))
            {
                if (!orgOwners.TryAdd(org, dto.Id ?? at))
                {
                    errors.Add($"{at}.hfOrgs", $"org '{org}' is already owned by '{orgOwners[org]}'");
                }
            }

            vendors.Add(new Vendor
            {
                Id = dto.Id ?? "",
                NameEn = dto.NameEn?.Trim() ?? "",
                NameZh = dto.NameZh?.Trim() ?? "",
                ShortName = string.IsNullOrWhiteSpace(dto.ShortName) ? null : dto.ShortName.Trim(),
                Country = dto.Country ?? "",
                HfOrgs = hfOrgs,
                LegacyOrgs = legacyOrgs,
                Families = errors.Names($"{at}.families", dto.Families),
                Aliases = errors.Names($"{at}.aliases", dto.Aliases),
            });
        }

        errors.ThrowIfAny();
        return vendors;
    }

    private static void Require(SeedErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "missing");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex VendorIdPattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();
}
