using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ingest;
using ReleaseBot.Testing.Fakes;
using ReleaseBot.Testing.FakeHub;
using ReleaseBot.Testing.Store;

namespace ReleaseBot.Tests.Ingest;

/// <summary>The ingestion services on a real LiteDB file, a scripted detail source, a recording sink and a fake clock.</summary>
internal sealed class IngestRig : IDisposable
{
    private IngestRig(IngestOptions options)
    {
        Options = options;
        Store = TestStore.Create();
        Store.Vendors.UpsertVendorsAsync(HubHarness.Vendors, CancellationToken.None).GetAwaiter().GetResult();
    }

    public TestStore Store { get; }
    public IngestOptions Options { get; }
    public ScriptedDetailSource Details { get; } = new();
    public RecordingEventSink Sink { get; } = new();
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.Parse("2025-07-30T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public ReleaseIngestor Ingestor => new(Store.Releases, Store.State, Store.Watches, Store.Vendors, Sink, Details, Options, Time,
        NullLogger<ReleaseIngestor>.Instance);

    public ReleaseEnrichment Enrichment => new(Store.Releases, Store.Vendors, Details, Options, NullLogger<ReleaseEnrichment>.Instance);

    public TrendingTracker Tracker => new(Store.Ranks, Store.State, Sink, RankAlertRules.Default, Time, NullLogger<TrendingTracker>.Instance);

    public static IngestRig Create(IngestOptions? options = null) => new(options ?? new IngestOptions());

    public static HubModel Item(string repoId, string createdAt = "2025-07-01T00:00:00Z", params string[] tags) => new()
    {
        RepoId = RepoId.Parse(repoId),
        CreatedAt = FakeHubSamples.At(createdAt),
        PipelineTag = "text-generation",
        Tags = tags,
        Private = false,
    };

    public Task<Release?> FindAsync(string repoId) => Store.Releases.FindByRepoIdAsync(RepoId.Parse(repoId), CancellationToken.None);

    public void Dispose() => Store.Dispose();
}
