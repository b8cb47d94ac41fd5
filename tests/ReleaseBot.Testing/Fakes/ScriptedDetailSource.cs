using System.Collections.Concurrent;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ingest;
using ReleaseBot.Core.Ports;

namespace ReleaseBot.Testing.Fakes;

/// <summary>
/// An <see cref="IModelDetailSource"/> answering from a table: a detail per repo id, a scripted result, or
/// (by default) the listing hint itself as a detail with a README. Counts calls per repo.
/// </summary>
public sealed class ScriptedDetailSource : IModelDetailSource
{
    private readonly ConcurrentDictionary<RepoId, ModelDetailResult> _results = new();
    private readonly ConcurrentDictionary<RepoId, int> _calls = new();

    public void Set(string repoId, ModelDetailResult result) => _results[RepoId.Parse(repoId)] = result;

    public void Set(HubModel detail) => _results[detail.RepoId] = new ModelDetailResult.Found(detail);

    public int CallsFor(string repoId) => _calls.TryGetValue(RepoId.Parse(repoId), out var n) ? n : 0;

    public int TotalCalls => _calls.Values.Sum();

    public Task<ModelDetailResult> GetDetailAsync(RepoId repoId, CancellationToken cancellationToken)
    {
        _calls.AddOrUpdate(repoId, 1, (_, n) => n + 1);
        return Task.FromResult(_results.TryGetValue(repoId, out var result)
            ? result
            : new ModelDetailResult.Found(new HubModel { RepoId = repoId, HasReadme = true }));
    }
}
