using LiteDB;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.LiteDb.Documents;

namespace ReleaseBot.LiteDb;

public sealed class LiteDbVendorStore(StoreDatabase store) : IVendorStore
{
    private readonly ILiteCollection<BsonDocument> _vendors = store.Collection(Collections.Vendors);
    private readonly Lock _gate = new();

    /// <summary>Vendors in the order they were first stored (the catalogue's order).</summary>
    public Task<IReadOnlyList<Vendor>> GetVendorsAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Vendor> vendors = [.. _vendors.FindAll()
            .OrderBy(d => d[VendorDocument.Seq].AsInt64)
            .Select(VendorDocument.FromDocument)];
        return Task.FromResult(vendors);
    }

    public Task UpsertVendorsAsync(IEnumerable<Vendor> vendors, CancellationToken cancellationToken)
    {
        // The gate keeps two concurrent upserts from handing out the same sequence numbers.
        lock (_gate)
        {
            var existing = _vendors.FindAll().ToDictionary(d => d["_id"].AsString, d => d[VendorDocument.Seq].AsInt64, StringComparer.Ordinal);
            var next = existing.Count == 0 ? 0 : existing.Values.Max() + 1;
            var docs = new List<BsonDocument>();
            foreach (var vendor in vendors)
            {
                var seq = existing.TryGetValue(vendor.Id, out var known) ? known : next++;
                existing[vendor.Id] = seq;
                docs.Add(VendorDocument.ToDocument(vendor, seq));
            }
            // One call, one transaction: the whole catalogue or none of it.
            _vendors.Upsert(docs);
        }
        return Task.CompletedTask;
    }
}
