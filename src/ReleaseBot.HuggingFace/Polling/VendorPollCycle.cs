using Microsoft.Extensions.Logging;
using ReleaseBot.Core.Ingest;
using ReleaseBot.Core.Ports;
using ReleaseBot.HuggingFace.Client;

namespace ReleaseBot.HuggingFace.Polling;

/// <summary>
/// One poll of every org of every vendor: list (one request per page), ingest, then retry the
/// enrichment that failed before. One org's failure is logged and the others go on; nothing is lost
/// because the next cycle diffs the full listing again.
/// </summary>
public sealed partial class VendorPollCycle(
    HubClient client,
    IVendorStore vendorStore,
    ReleaseIngestor ingestor,
    ReleaseEnrichment enrichment,
    ILogger<VendorPollCycle> logger)
{
    public async Task<IngestReport> RunAsync(CancellationToken cancellationToken)
    {
        var orgs = (await vendorStore.GetVendorsAsync(cancellationToken))
            .SelectMany(v => v.HfOrgs)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var report = IngestReport.Empty;
        var failed = 0;
        foreach (var org in orgs)
        {
            try
            {
                var listing = await client.ListOrgModelsAsync(org, cancellationToken);
                report = report.Add(await ingestor.IngestOrgListingAsync(org, listing, cancellationToken));
            }
            catch (Exception ex) when (ex is HubException or HttpRequestException ||
                                       (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                failed++;
                Log.OrgFailed(logger, org, ex);
            }
        }

        await enrichment.RetryAsync(cancellationToken);
        Log.Cycle(logger, orgs.Count, failed, report.Listed, report.Announced.Count);
        return report;
    }

    private static partial class Log
    {
        [LoggerMessage(3201, LogLevel.Warning, "Polling org {Org} failed; it is polled again next cycle")]
        public static partial void OrgFailed(ILogger logger, string org, Exception exception);

        [LoggerMessage(3202, LogLevel.Information, "Vendor poll: {Orgs} orgs ({Failed} failed), {Listed} repos listed, {Announced} announced")]
        public static partial void Cycle(ILogger logger, int orgs, int failed, int listed, int announced);
    }
}
