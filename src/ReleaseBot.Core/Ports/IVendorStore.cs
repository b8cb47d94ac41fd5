using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Ports;

public interface IVendorStore
{
    Task<IReadOnlyList<Vendor>> GetVendorsAsync(CancellationToken cancellationToken);
    Task UpsertVendorsAsync(IEnumerable<Vendor> vendors, CancellationToken cancellationToken);
}
