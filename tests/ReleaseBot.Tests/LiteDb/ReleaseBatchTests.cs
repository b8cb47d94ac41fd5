using ReleaseBot.Core.Domain;
using ReleaseBot.Testing.Store;

namespace ReleaseBot.Tests.LiteDb;

/// <summary>Releases written a batch per commit (seed import, a poll cycle's new repos).</summary>
public sealed class ReleaseBatchTests : IDisposable
{
    private readonly TestStore _db = TestStore.Create();
    private static CancellationToken Ct => CancellationToken.None;

    public void Dispose() => _db.Dispose();

    private static Release Make(string repoId, string? id = null) => StoreSamples.Release(repoId) with { Id = id ?? RepoId.Parse(repoId).ReleaseId };

    [Fact]
    public async Task TryAddReleasesAsync_SomeKnownByIdOrRepoKey_AddsOnlyTheNewInOrder()
    {
        await _db.Releases.TryAddReleaseAsync(Make("Qwen/A"), Ct);

        var added = await _db.Releases.TryAddReleasesAsync(
            [Make("Qwen/B"), Make("Qwen/A"), Make("qwen/b"), Make("Qwen/C"), Make("Qwen/C")], Ct);

        Assert.Equal(["Qwen/B", "Qwen/C"], added.Select(r => r.RepoId.ToString()));
        Assert.Equal(3, await _db.Releases.CountReleasesAsync(Ct));
    }

    [Fact]
    public async Task TryAddReleasesAsync_MoreRowsThanOneBatch_AddsEveryOneAndFindsThemAfterReopen()
    {
        var releases = Enumerable.Range(0, 1200).Select(i => Make($"Qwen/M-{i:D4}")).ToList();

        var added = await _db.Releases.TryAddReleasesAsync(releases, Ct);
        _db.Reopen();

        Assert.Equal(1200, added.Count);
        Assert.Equal(1200, await _db.Releases.CountReleasesAsync(Ct));
        Assert.Equal("Qwen/M-1199", (await _db.Releases.FindByRepoIdAsync(RepoId.Parse("qwen/m-1199"), Ct))?.RepoId.ToString());
    }

    [Fact]
    public async Task UpsertReleasesAsync_RenamedRow_FoundByOldAndNewIdAndOwners()
    {
        await _db.Releases.TryAddReleaseAsync(Make("THUDM/GLM-4.5"), Ct);
        var moved = Make("zai-org/GLM-4.5", id: "hf:THUDM/GLM-4.5") with { FormerRepoIds = [RepoId.Parse("THUDM/GLM-4.5")] };

        await _db.Releases.UpsertReleasesAsync([moved], Ct);

        Assert.Equal("zai-org/GLM-4.5", (await _db.Releases.FindByRepoIdAsync(RepoId.Parse("thudm/glm-4.5"), Ct))?.RepoId.ToString());
        Assert.Equal("hf:THUDM/GLM-4.5", (await _db.Releases.FindByRepoIdAsync(RepoId.Parse("zai-org/glm-4.5"), Ct))?.Id);
        Assert.Equal([RepoId.Parse("THUDM/GLM-4.5")], await _db.Releases.GetRepoIdsByOwnerAsync("thudm", Ct));
        Assert.Equal([RepoId.Parse("zai-org/GLM-4.5")], await _db.Releases.GetRepoIdsByOwnerAsync("zai-org", Ct));
    }
}
