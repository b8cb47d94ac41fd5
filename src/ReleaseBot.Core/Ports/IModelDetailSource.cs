using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ingest;

namespace ReleaseBot.Core.Ports;

/// <summary>Looks up the full detail of one repo (the Hub's model_info), following renames.</summary>
public interface IModelDetailSource
{
    Task<ModelDetailResult> GetDetailAsync(RepoId repoId, CancellationToken cancellationToken);
}
