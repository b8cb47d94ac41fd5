using System.Diagnostics;
using Microsoft.Extensions.Logging;
using ReleaseBot.Core.Health;
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
    HealthState health,
    ILogger<VendorPollCycle> logger)
{
    public async Task<IngestReport> RunAsync(CancellationToken cancellationToken)
    {
        var orgs = (await vendorStore.GetVendorsAsync(cancellationToken))
            .SelectMany(v => v.HfOrgs)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var started = Stopwatch.GetTimestamp();
        var report = IngestReport.Empty;
        var failed = 0;
        string? lastError = null;
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
                lastError = $"{org}: {ex.Message}";
                ReleaseBotMetrics.PollErrors.Add(1, Kind);
                Log.OrgFailed(logger, org, ex);
            }
        }

        await enrichment.RetryAsync(cancellationToken);
        Log.Cycle(logger, orgs.Count, failed, report.Listed, report.Announced.Count);
        ReleaseBotMetrics.PollDuration.Record(ReleaseBotMetrics.SecondsSince(started), Kind);
        Report(orgs.Count, failed, lastError);
        return report;
    }

    /// <summary>A cycle in which any org answered counts as a poll; one in which every org failed takes the poller down.</summary>
    private void Report(int orgs, int failed, string? lastError)
    {
        if (orgs > 0 && failed == orgs)
        {
            health.Failed(HealthComponent.HubPoll, $"all {orgs} orgs failed, last {lastError}");
            return;
        }

        health.Succeeded(HealthComponent.HubPoll);
        if (lastError is not null)
        {
            health.Noted(HealthComponent.HubPoll, $"{failed} of {orgs} orgs failed, last {lastError}");
        }
    }

    private static readonly KeyValuePair<string, object?> Kind = new("kind", "vendors");

    private static partial class Log
    {
        [LoggerMessage(3201, LogLevel.Warning, "Polling org {Org} failed; it is polled again next cycle")]
        public static partial void OrgFailed(ILogger logger, string org, Exception exception);

        [LoggerMessage(3202, LogLevel.Information, "Vendor poll: {Orgs} orgs ({Failed} failed), {Listed} repos listed, {Announced} announced")]
        public static partial void Cycle(ILogger logger, int orgs, int failed, int listed, int announced);
    }
}
