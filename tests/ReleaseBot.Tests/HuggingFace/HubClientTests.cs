using Microsoft.Extensions.DependencyInjection;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ingest;
using ReleaseBot.HuggingFace.Client;
using ReleaseBot.Testing.FakeHub;
using ReleaseBot.Testing.Fakes;

namespace ReleaseBot.Tests.HuggingFace;

public sealed class HubClientTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task ListOrgModels_SeveralPages_FollowsLinkAndReadsExpandedFields()
    {
        await using var rig = await HubHarness.StartAsync(new Dictionary<string, string?> { ["PageSize"] = "2", ["MaxPages"] = "3" });
        for (var i = 1; i <= 5; i++)
        {
            rig.Hub.Add(FakeHubSamples.Model($"Qwen/Qwen3-{i}B", $"2025-07-0{i}T00:00:00Z", parameters: i * 1_000_000_000L));
        }

        var models = await rig.Services.GetRequiredService<HubClient>().ListOrgModelsAsync("Qwen", Ct);

        Assert.Equal(["Qwen/Qwen3-5B", "Qwen/Qwen3-4B", "Qwen/Qwen3-3B", "Qwen/Qwen3-2B", "Qwen/Qwen3-1B"], models.Select(m => m.RepoId.ToString()));
        Assert.Equal(5_000_000_000, models[0].SafetensorsTotal);
        Assert.Equal(FakeHubSamples.At("2025-07-05T00:00:00Z"), models[0].CreatedAt);
        Assert.False(models[0].Gated);
        Assert.Equal(3, rig.Hub.CountRequests("author=Qwen"));
        Assert.All(rig.Hub.Requests, r => Assert.StartsWith("ReleaseBot/0.1 (+https://github.com/releasebot/releasebot)", r.UserAgent, StringComparison.Ordinal));
        Assert.Contains("expand[]=safetensors", rig.Hub.Requests[0].PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListTrending_DefaultFields_InRankOrderWithScores()
    {
        await using var rig = await HubHarness.StartAsync();
        rig.Hub.AddRange([FakeHubSamples.MiniMaxM2(), FakeHubSamples.KimiK2Thinking(), FakeHubSamples.ImpostorKimiK3()]);

        var models = await rig.Services.GetRequiredService<HubClient>().ListTrendingAsync(2, Ct);

        Assert.Equal(["moonshotai/Kimi-K2-Thinking", "MiniMaxAI/MiniMax-M2"], models.Select(m => m.RepoId.ToString()));
        Assert.Equal(580, models[0].TrendingScore);
        Assert.Contains("license:other", models[0].Tags);
    }

    [Fact]
    public async Task GetModelInfo_RenamedRepo_Follows307AndReturnsFinalId()
    {
        await using var rig = await HubHarness.StartAsync();
        rig.Hub.Add(FakeHubSamples.Model("THUDM/GLM-4.1V-9B-Thinking", "2025-07-01T00:00:00Z"));
        rig.Hub.Rename("THUDM/GLM-4.1V-9B-Thinking", "zai-org/GLM-4.1V-9B-Thinking");

        var result = await rig.Services.GetRequiredService<HubClient>().GetModelInfoAsync(RepoId.Parse("THUDM/GLM-4.1V-9B-Thinking"), Ct);

        var found = Assert.IsType<ModelDetailResult.Found>(result);
        Assert.Equal("zai-org/GLM-4.1V-9B-Thinking", found.Model.RepoId.ToString());
        Assert.True(found.Model.HasReadme);
        Assert.Equal(307, rig.Hub.Requests[0].Status);
    }

    [Fact]
    public async Task GetModelInfo_GatedSample_ReadsGatedLicenceAndBaseModel()
    {
        await using var rig = await HubHarness.StartAsync();
        rig.Hub.Add(FakeHubSamples.Llama31Instruct());

        var result = await rig.Services.GetRequiredService<HubClient>().GetModelInfoAsync(RepoId.Parse("meta-llama/Llama-3.1-8B-Instruct"), Ct);

        var model = Assert.IsType<ModelDetailResult.Found>(result).Model;
        Assert.True(model.Gated);
        Assert.Equal("llama3.1", model.CardLicence);
        Assert.Equal(["meta-llama/Llama-3.1-8B"], model.CardBaseModels);
        Assert.Equal(8_030_261_248, model.SafetensorsTotal);
    }

    [Fact]
    public async Task GetModelInfo_MissingOrPrivate_IsNotVisible()
    {
        await using var rig = await HubHarness.StartAsync();
        rig.Hub.Add(FakeHubSamples.Model("Qwen/Secret", "2025-07-01T00:00:00Z")).Private = true;
        var client = rig.Services.GetRequiredService<HubClient>();

        Assert.IsType<ModelDetailResult.NotVisible>(await client.GetModelInfoAsync(RepoId.Parse("Qwen/Secret"), Ct));
        Assert.IsType<ModelDetailResult.NotVisible>(await client.GetModelInfoAsync(RepoId.Parse("Qwen/Nothing"), Ct));
        Assert.All(rig.Hub.Requests, r => Assert.Equal(401, r.Status));
    }

    [Fact]
    public async Task GetModelInfo_BadToken_IsAnErrorNotInvisibility()
    {
        await using var rig = await HubHarness.StartAsync(new Dictionary<string, string?> { ["Token"] = "hf_wrong" });
        rig.Hub.ExpectedToken = "hf_right";
        rig.Hub.Add(FakeHubSamples.Model("Qwen/Qwen3-8B", "2025-07-01T00:00:00Z"));

        var error = await Assert.ThrowsAsync<HubException>(() => rig.Services.GetRequiredService<HubClient>().GetModelInfoAsync(RepoId.Parse("Qwen/Qwen3-8B"), Ct));

        Assert.DoesNotContain("hf_wrong", error.Message, StringComparison.Ordinal);
        Assert.True(rig.Hub.Requests[0].HadAuthorization);
    }

    [Fact]
    public async Task ListOrgModels_ServerErrors_RetriedUntilAnswered()
    {
        await using var rig = await HubHarness.StartAsync();
        rig.Hub.Add(FakeHubSamples.KimiK2Thinking());
        rig.Hub.AddFault(new FakeHubFault.Status(500), times: 2);
        rig.Hub.AddFault(new FakeHubFault.Status(503));

        var models = await rig.Services.GetRequiredService<HubClient>().ListOrgModelsAsync("moonshotai", Ct);

        Assert.Single(models);
        Assert.Equal([500, 500, 503, 200], rig.Hub.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task ListOrgModels_HubStallsAfterHeaders_CutAtRequestTimeoutAndRetried()
    {
        await using var rig = await HubHarness.StartAsync(new Dictionary<string, string?> { ["RequestTimeout"] = "00:00:00.500" });
        rig.Hub.Add(FakeHubSamples.KimiK2Thinking());
        rig.Hub.AddFault(new FakeHubFault.Hang(TimeSpan.FromSeconds(30), AfterHeaders: true));
        var started = System.Diagnostics.Stopwatch.StartNew();

        var models = await rig.Services.GetRequiredService<HubClient>().ListOrgModelsAsync("moonshotai", Ct);

        Assert.Single(models);
        Assert.Equal(2, rig.Hub.CountRequests("author=moonshotai"));
        Assert.InRange(started.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ListOrgModels_MalformedJson_ThrowsHubException()
    {
        await using var rig = await HubHarness.StartAsync();
        rig.Hub.AddFault(new FakeHubFault.MalformedJson());

        var error = await Assert.ThrowsAsync<HubException>(() => rig.Services.GetRequiredService<HubClient>().ListOrgModelsAsync("moonshotai", Ct));

        Assert.Contains("malformed JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListOrgModels_RateLimited_WaitsResetPlusOneSecondThenRetries()
    {
        var time = new WatchedTimeProvider(DateTimeOffset.UtcNow);
        await using var rig = await HubHarness.StartAsync(time: time);
        rig.Hub.Add(FakeHubSamples.KimiK2Thinking());
        rig.Hub.AddFault(new FakeHubFault.RateLimited(ResetSeconds: 55));

        var call = rig.Services.GetRequiredService<HubClient>().ListOrgModelsAsync("moonshotai", Ct);
        // The 429 has been read once the client starts its long wait; the clock moves by exactly that wait.
        var retryWait = await time.WaitForTimerAsync(due => due >= TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
        time.Advance(retryWait);

        Assert.Single(await call);
        Assert.Equal([429, 200], rig.Hub.Requests.Select(r => r.Status));
        var waited = rig.Hub.Requests[1].At - rig.Hub.Requests[0].At;
        // At least t+1 = 56 s of (fake) time.
        Assert.True(waited >= TimeSpan.FromSeconds(56), $"retried after {waited}");
    }

    [Fact]
    public async Task RateGate_ShareOfQuotaUsed_WaitsForWindowReset()
    {
        var time = new WatchedTimeProvider(DateTimeOffset.UtcNow);
        await using var rig = await HubHarness.StartAsync(new Dictionary<string, string?> { ["QuotaShare"] = "0.5" }, time: time);
        rig.Hub.Quota = 4;
        var client = rig.Services.GetRequiredService<HubClient>();
        await client.ListOrgModelsAsync("Qwen", Ct);
        await client.ListOrgModelsAsync("Qwen", Ct);

        var third = client.ListOrgModelsAsync("Qwen", Ct);
        // The gate has started waiting for the window's reset: from here only the clock can let the call go.
        await time.WaitForTimerAsync(due => due >= TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(30));
        var heldBack = !third.IsCompleted;
        time.Advance(TimeSpan.FromMinutes(5));
        await third;

        Assert.True(heldBack);
        Assert.Equal(3, rig.Hub.Requests.Count);
        Assert.All(rig.Hub.Requests, r => Assert.Equal(200, r.Status));
    }
}
