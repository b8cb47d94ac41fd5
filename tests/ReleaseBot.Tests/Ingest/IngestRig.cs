using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ingest;
using ReleaseBot.Core.Ports;
using ReleaseBot.Testing.Fakes;
using ReleaseBot.Testing.FakeHub;
using ReleaseBot.Testing.Hosting;

namespace ReleaseBot.Tests.Ingest;

/// <summary>
/// The composed ingestion services (a <see cref="BotFixture"/>, not started) with a scripted detail source in place of the
/// Hub, a recording sink in place of the planner and a fake clock. Each access builds a fresh service, as a restart would.
/// </summary>
internal sealed class IngestRig : IDisposable
{
    private IngestRig(IngestOptions options)
    {
        var sink = Sink;
        var details = Details;
        Bot = BotFixture.BuildWithoutStarting(new BotFixtureOptions()
            .WithTime(Time)
            .With("ReleaseBot:HuggingFace:BackfillCount", options.BackfillCount.ToString(CultureInfo.InvariantCulture))
            .With("ReleaseBot:HuggingFace:EnrichRetryBatch", options.EnrichRetryBatch.ToString(CultureInfo.InvariantCulture))
            .WithOverrides(s => s.AddSingleton<IEventSink>(sink).AddSingleton<IModelDetailSource>(details)));
        Bot.Vendors.UpsertVendorsAsync(HubHarness.Vendors, CancellationToken.None).GetAwaiter().GetResult();
    }

    public BotFixture Bot { get; }

    /// <summary>The bot's store ports (Releases, Ranks, …).</summary>
    public BotFixture Store => Bot;
    public IngestOptions Options => Bot.Get<IngestOptions>();
    public ScriptedDetailSource Details { get; } = new();
    public RecordingEventSink Sink { get; } = new();
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.Parse("2025-07-30T08:00:00Z", CultureInfo.InvariantCulture));

    public ReleaseIngestor Ingestor => ActivatorUtilities.CreateInstance<ReleaseIngestor>(Bot.Services);

    public ReleaseEnrichment Enrichment => ActivatorUtilities.CreateInstance<ReleaseEnrichment>(Bot.Services);

    public TrendingTracker Tracker => ActivatorUtilities.CreateInstance<TrendingTracker>(Bot.Services);

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

    public void Dispose() => Bot.Dispose();
}
