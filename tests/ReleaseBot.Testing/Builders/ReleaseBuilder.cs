using ReleaseBot.Core.Domain;

namespace ReleaseBot.Testing.Builders;

/// <summary>A release with sensible defaults: official, released, text, detected at 2025-07-30.</summary>
public sealed class ReleaseBuilder
{
    public static readonly DateTimeOffset DefaultDetectedAt = new(2025, 7, 30, 0, 0, 0, TimeSpan.Zero);

    private Release release;

    public ReleaseBuilder(string repoId, string? vendorId = null)
        : this(RepoId.Parse(repoId), vendorId)
    {
    }

    public ReleaseBuilder(RepoId repoId, string? vendorId = null) => release = new Release
    {
        Id = repoId.ReleaseId,
        RepoId = repoId,
        VendorId = vendorId,
        Title = repoId.Name,
        DetectedAt = DefaultDetectedAt,
        Modality = Core.Domain.Modality.Text,
        PipelineTag = "text-generation",
        HasModelCard = true,
    };

    public ReleaseBuilder Titled(string title) => With(r => r with { Title = title });
    public ReleaseBuilder Params(long? total, long? active = null, bool totalEstimated = false, bool activeEstimated = false) =>
        With(r => r with { TotalParams = total, ActiveParams = active, TotalParamsEstimated = totalEstimated, ActiveParamsEstimated = activeEstimated });
    public ReleaseBuilder Licence(string licence) => With(r => r with { Licence = licence });
    public ReleaseBuilder WithModality(Modality modality, string? pipelineTag = null) => With(r => r with { Modality = modality, PipelineTag = pipelineTag });
    public ReleaseBuilder Gated(bool gated = true) => With(r => r with { Gated = gated });
    public ReleaseBuilder NoModelCard() => With(r => r with { HasModelCard = false });
    public ReleaseBuilder DerivativeOf(string baseModel, string? baseVendorId = null) =>
        With(r => r with { Official = false, BaseModel = baseModel, BaseVendorId = baseVendorId });
    public ReleaseBuilder Announced() => With(r => r with { Status = ReleaseStatus.Announced });
    public ReleaseBuilder FoundBy(DiscoveryPath path) => With(r => r with { FoundBy = path });
    public ReleaseBuilder DetectedAt(DateTimeOffset at) => With(r => r with { DetectedAt = at });
    public ReleaseBuilder PublishedAt(DateTimeOffset at) => With(r => r with { PublishedAt = at });

    public Release Build() => release;

    private ReleaseBuilder With(Func<Release, Release> change)
    {
        release = change(release);
        return this;
    }
}
