using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ReleaseBot.ConsoleChat;
using ReleaseBot.Core.Commands;
using ReleaseBot.Core.Domain;
using ReleaseBot.Testing.FakeHub;

namespace ReleaseBot.Tests.HuggingFace;

public sealed class VendorPollTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static int OrgCount => HubHarness.Vendors.SelectMany(v => v.HfOrgs).Distinct(StringComparer.OrdinalIgnoreCase).Count();

    [Fact]
    public async Task Poll_NewModelOnHub_StoredOnceEnrichedPlannedOnceAndNeverAgain()
    {
        await using var rig = await HubHarness.StartAsync();
        rig.Hub.AddRange([FakeHubSamples.KimiK2Thinking(), FakeHubSamples.MiniMaxM2()]);
        var baseline = await rig.Poll.RunAsync(Ct);
        rig.Hub.Add(FakeHubSamples.Model("Qwen/Qwen3-235B-A22B-Instruct-2507", "2025-07-21T15:00:00Z", parameters: 235_093_634_560));

        var first = await rig.Poll.RunAsync(Ct);
        var second = await rig.Poll.RunAsync(Ct);
        await rig.RestartAsync();
        var afterRestart = await rig.Poll.RunAsync(Ct);

        Assert.True(baseline.Baseline);
        Assert.Empty(baseline.Announced);
        Assert.Equal(["Qwen/Qwen3-235B-A22B-Instruct-2507"], first.Announced);
        Assert.Empty(second.Announced);
        Assert.Empty(afterRestart.Announced);
        var planned = Assert.Single(rig.Sink.Planned);
        Assert.Equal("release:hf:Qwen/Qwen3-235B-A22B-Instruct-2507", planned.Id);
        Assert.Single(rig.Sink.Published);

        var release = await rig.Store.Releases.FindByRepoIdAsync(RepoId.Parse("Qwen/Qwen3-235B-A22B-Instruct-2507"), Ct);
        Assert.NotNull(release);
        Assert.True(release.Enriched);
        Assert.Equal("alibaba", release.VendorId);
        Assert.Equal("Qwen3", release.Family);
        Assert.Equal(235_093_634_560, release.TotalParams);
        Assert.Equal(22_000_000_000, release.ActiveParams);
        Assert.False(release.TotalParamsEstimated);
        Assert.True(release.ActiveParamsEstimated);
        Assert.Equal("apache-2.0", release.Licence);
        Assert.Equal(Modality.Text, release.Modality);
        Assert.True(release.HasModelCard);
        Assert.False(release.Gated);
        Assert.Equal(DiscoveryPath.VendorPoll, release.FoundBy);
    }

    [Fact]
    public async Task Poll_Cycle_SpendsOneRequestPerOrgPagePlusOnePerNewId()
    {
        await using var rig = await HubHarness.StartAsync();
        rig.Hub.Add(FakeHubSamples.KimiK2Thinking());
        await rig.Poll.RunAsync(Ct);
        rig.Hub.ClearRequests();
        rig.Hub.Add(FakeHubSamples.Model("zai-org/GLM-4.5", "2025-07-28T00:00:00Z"));
        rig.Hub.Add(FakeHubSamples.Model("tencent/Hunyuan-A13B-Instruct", "2025-06-27T00:00:00Z"));

        await rig.Poll.RunAsync(Ct);

        Assert.Equal(OrgCount + 2, rig.Hub.Requests.Count);
        Assert.Equal(2, rig.Hub.CountRequests("/api/models/"));
    }

    [Fact]
    public async Task Poll_RepoStagedPrivatelyThenPublished_AnnouncedDespiteOldCreatedAt()
    {
        await using var rig = await HubHarness.StartAsync();
        rig.Hub.Add(FakeHubSamples.Model("stepfun-ai/Step-Audio-2-mini", "2025-07-25T00:00:00Z"));
        rig.Hub.Add(FakeHubSamples.Model("stepfun-ai/step3", "2025-05-01T00:00:00Z")).Private = true;
        await rig.Poll.RunAsync(Ct);

        rig.Hub.Publish("stepfun-ai/step3");
        var report = await rig.Poll.RunAsync(Ct);

        Assert.Equal(["stepfun-ai/step3"], report.Announced);
        var release = await rig.Store.Releases.FindByRepoIdAsync(RepoId.Parse("stepfun-ai/step3"), Ct);
        Assert.Equal(FakeHubSamples.At("2025-05-01T00:00:00Z"), release!.CreatedAt);
    }

    [Fact]
    public async Task Poll_ModelWithoutReadme_StoredWithoutModelCard()
    {
        await using var rig = await HubHarness.StartAsync();
        await rig.Poll.RunAsync(Ct);
        var model = FakeHubSamples.Model("tencent/HunyuanWorld-1", "2025-07-26T00:00:00Z", parameters: null);
        model.HasReadme = false;
        model.PipelineTag = "image-to-3d";
        rig.Hub.Add(model);

        await rig.Poll.RunAsync(Ct);

        var release = await rig.Store.Releases.FindByRepoIdAsync(RepoId.Parse("tencent/HunyuanWorld-1"), Ct);
        Assert.False(release!.HasModelCard);
        Assert.Equal(Modality.ThreeD, release.Modality);
        Assert.Equal("HunyuanWorld", release.Family);
        Assert.Null(release.TotalParams);
    }

    [Fact]
    public async Task Poll_ServerErrorsAndMalformedJson_LoggedRetriedNothingLost()
    {
        await using var rig = await HubHarness.StartAsync(configure: o => o.WithLogging(l => l.AddFakeLogging()));
        await rig.Poll.RunAsync(Ct);
        rig.Hub.Add(FakeHubSamples.Model("moonshotai/Kimi-K2-Instruct", "2025-07-11T00:00:00Z"));
        rig.Hub.Add(FakeHubSamples.Model("zai-org/GLM-4.5", "2025-07-28T00:00:00Z"));
        // moonshotai: more 500s than the retries allow → the org fails this cycle.
        rig.Hub.AddFault(new FakeHubFault.Status(500) { PathContains = "author=moonshotai" }, times: 6);
        // zai-org: list is fine, its model_info body is broken → announced unenriched, enriched on the next cycle.
        // Twice: the detail read and the same cycle's enrichment retry.
        rig.Hub.AddFault(new FakeHubFault.MalformedJson { PathContains = "/api/models/zai-org/GLM-4.5" }, times: 2);
        rig.Hub.AddFault(new FakeHubFault.MalformedJson { PathContains = "author=Qwen" });

        var failing = await rig.Poll.RunAsync(Ct);
        var glmBefore = await rig.Store.Releases.FindByRepoIdAsync(RepoId.Parse("zai-org/GLM-4.5"), Ct);
        var recovered = await rig.Poll.RunAsync(Ct);
        var glmAfter = await rig.Store.Releases.FindByRepoIdAsync(RepoId.Parse("zai-org/GLM-4.5"), Ct);

        Assert.Equal(["zai-org/GLM-4.5"], failing.Announced);
        Assert.False(glmBefore!.Enriched);
        Assert.Equal(["moonshotai/Kimi-K2-Instruct"], recovered.Announced);
        Assert.True(glmAfter!.Enriched);
        Assert.Equal(2, rig.Sink.Planned.Count);
        var logs = rig.Services.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(logs, l => l.Level == LogLevel.Warning && l.Message.Contains("Polling org moonshotai failed", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.Level == LogLevel.Warning && l.Message.Contains("Polling org Qwen failed", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.Message.Contains("answered HTTP 500; retry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Poll_TokenConfigured_SentAsBearerAndNeverLogged()
    {
        await using var rig = await HubHarness.StartAsync(new Dictionary<string, string?> { ["Token"] = "hf_secret_token" }, o => o.WithLogging(l => l.AddFakeLogging()));
        rig.Hub.ExpectedToken = "hf_secret_token";
        rig.Hub.AddFault(new FakeHubFault.Status(502));

        await rig.Poll.RunAsync(Ct);

        Assert.All(rig.Hub.Requests, r => Assert.True(r.HadAuthorization));
        Assert.DoesNotContain(rig.Services.GetFakeLogCollector().GetSnapshot(), l => l.Message.Contains("hf_secret_token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Host_SlowHub_CommandsAnswerWhilePollWaits()
    {
        await using var rig = await HubHarness.StartAsync(
            new Dictionary<string, string?> { ["Enabled"] = "true", ["RequestTimeout"] = "00:01:00" });
        rig.Hub.ResponseDelay = TimeSpan.FromSeconds(3);
        await rig.Bot.StartAsync();
        var router = rig.Services.GetRequiredService<ICommandRouter>();

        var reply = await router.HandleAsync(new CommandRequest
        {
            Chat = new ChatAddress(Platform.Console, "console"),
            Text = "/vendors",
            IsPrivate = true,
            Environment = ConsoleChatEnvironment.Instance,
        }, Ct);

        Assert.NotEqual(Core.Replies.ReplyKind.Error, reply.Kind);
        Assert.Empty(rig.Hub.Requests);
        await rig.Bot.StopAsync();
    }
}
