using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Vendors;

/// <summary>The answer to a vendor name typed by a user: the vendor, or the closest names to suggest.</summary>
public sealed record VendorMatch(Vendor? Vendor, IReadOnlyList<Vendor> Suggestions)
{
    public bool Found => Vendor is not null;
}
