using ReleaseBot.Core.Ports;

namespace ReleaseBot.Core.Ingest;

/// <summary>The answer of <see cref="IModelDetailSource"/>.</summary>
public abstract record ModelDetailResult
{
    private ModelDetailResult() { }

    /// <summary>The detail; <see cref="HubModel.RepoId"/> is the final id after any rename.</summary>
    public sealed record Found(HubModel Model) : ModelDetailResult;

    /// <summary>Missing, private, disabled or deleted: not a public release (yet).</summary>
    public sealed record NotVisible(string Reason) : ModelDetailResult;

    /// <summary>The source failed (5xx, malformed body, timeout); try again later.</summary>
    public sealed record Failed(string Reason) : ModelDetailResult;
}
