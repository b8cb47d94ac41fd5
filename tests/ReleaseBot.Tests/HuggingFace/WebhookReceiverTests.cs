using Microsoft.Extensions.DependencyInjection;
using ReleaseBot.ConsoleChat;
using ReleaseBot.Core.Commands;
using ReleaseBot.Core.Domain;
using ReleaseBot.Testing.FakeHub;
using ReleaseBot.Testing.Rendering;
using ReleaseBot.Web;

namespace ReleaseBot.Tests.HuggingFace;

public sealed class WebhookReceiverTests
{
    private const string Secret = "change-me";
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static Task<HubHarness> StartAsync(string retryAfter = "00:00:30") => HubHarness.StartAsync(
        new Dictionary<string, string?>
        {
            ["Webhook:Enabled"] = "true",
            ["Webhook:Secret"] = Secret,
            ["Webhook:Path"] = "/hf-webhook",
            ["Webhook:ListenUrl"] = "http://127.0.0.1:0",
            ["Webhook:RetryAfter"] = retryAfter,
        });

    private static async Task<Uri> WebhookUrlAsync(HubHarness rig) =>
        new(await rig.Services.GetRequiredService<WebhookListener>().ListeningAsync, "/hf-webhook");

    [Fact]
    public async Task Why_ReleasesFoundByWebhookAndPoll_SayWhichPath()
    {
        await using var rig = await StartAsync();
        await rig.Poll.RunAsync(Ct);
        await rig.Bot.StartAsync();
        var url = await WebhookUrlAsync(rig);
        rig.Hub.Add(FakeHubSamples.Model("Qwen/Qwen3-Example-8B", "2025-07-29T00:00:00Z"));
        rig.Hub.Add(FakeHubSamples.Model("zai-org/GLM-4.5", "2025-07-28T00:00:00Z"));
        using var http = new HttpClient();
        await FakeHubWebhooks.SendAsync(http, url, FakeHubWebhooks.RepoCreated("Qwen/Qwen3-Example-8B"), Secret);
        await rig.Sink.WaitForAsync(e => e.Id == "release:hf:Qwen/Qwen3-Example-8B", Wait);
        await rig.Poll.RunAsync(Ct);
        var router = rig.Services.GetRequiredService<ICommandRouter>();

        var byWebhook = await AskAsync(router, "/why Qwen/Qwen3-Example-8B");
        var byPoll = await AskAsync(router, "/why zai-org/GLM-4.5");

        Assert.Contains("a Hub webhook", byWebhook, StringComparison.Ordinal);
        Assert.Contains("polling the vendor's Hub organisation", byPoll, StringComparison.Ordinal);
    }

    private static async Task<string> AskAsync(ICommandRouter router, string text) =>
        (await router.HandleAsync(new CommandRequest
        {
            Chat = new ChatAddress(Platform.Console, "console"),
            Text = text,
            IsPrivate = true,
            Environment = ConsoleChatEnvironment.Instance,
        }, Ct)).ToConsoleText();

    [Fact]
    public async Task Webhook_GoodSecret_IngestsAtOnceAndPollAddsNothing()
    {
        await using var rig = await StartAsync();
        await rig.Poll.RunAsync(Ct);
        await rig.Bot.StartAsync();
        var url = await WebhookUrlAsync(rig);
        rig.Hub.Add(FakeHubSamples.Model("Qwen/Qwen3-Example-8B", "2025-07-29T00:00:00Z"));
        using var http = new HttpClient();

        var status = await FakeHubWebhooks.SendAsync(http, url, FakeHubWebhooks.RepoCreated("Qwen/Qwen3-Example-8B"), Secret);
        var planned = await rig.Sink.WaitForAsync(e => e.Kind == EventKind.ReleaseDetected, Wait);
        var poll = await rig.Poll.RunAsync(Ct);

        Assert.Equal(204, status);
        Assert.Equal("release:hf:Qwen/Qwen3-Example-8B", planned.Id);
        Assert.Empty(poll.Announced);
        var release = await rig.Store.Releases.FindByRepoIdAsync(RepoId.Parse("Qwen/Qwen3-Example-8B"), Ct);
        Assert.Equal(DiscoveryPath.Webhook, release!.FoundBy);
        Assert.True(release.Enriched);
    }

    [Fact]
    public async Task Webhook_AnsweredThenTheBotStopsMidIngest_IngestedOnceAtTheNextStart()
    {
        // Polling is never run here: the webhook is the only way the bot can learn of the model.
        await using var rig = await StartAsync();
        await rig.Bot.StartAsync();
        var url = await WebhookUrlAsync(rig);
        rig.Hub.Add(FakeHubSamples.Model("Qwen/Qwen3-Example-8B", "2025-07-29T00:00:00Z"));
        // Every detail read of the model hangs (the client gives up after 5 s and tries again): the ingest cannot end
        // before the bot stops.
        rig.Hub.FailAll(new FakeHubFault.Hang(TimeSpan.FromMinutes(5)) { PathContains = "Qwen3-Example-8B" });
        using var http = new HttpClient();

        var status = await FakeHubWebhooks.SendAsync(http, url, FakeHubWebhooks.RepoCreated("Qwen/Qwen3-Example-8B"), Secret);
        await rig.RestartAsync();
        Assert.Empty(rig.Sink.Published);
        Assert.Null(await rig.Store.Releases.FindByRepoIdAsync(RepoId.Parse("Qwen/Qwen3-Example-8B"), Ct));
        Assert.Single(await rig.Store.Inbox.GetAsync(10, Ct));
        rig.Hub.Recover();
        await rig.Bot.StartAsync();
        await rig.Sink.WaitForAsync(e => e.Id == "release:hf:Qwen/Qwen3-Example-8B", Wait);
        await rig.RestartAsync();
        await rig.Bot.StartAsync();
        await rig.Poll.RunAsync(Ct);

        Assert.Equal(204, status);
        Assert.Equal(["release:hf:Qwen/Qwen3-Example-8B"], rig.Sink.Published.Select(e => e.Id));
        Assert.Empty(await rig.Store.Inbox.GetAsync(10, Ct));
    }

    [Fact]
    public async Task Webhook_IngestFailed_KeptTriedAgainAndTheReleaseAnnouncedOnceAfterARestart()
    {
        await using var rig = await StartAsync(retryAfter: "00:00:02");
        await rig.Bot.StartAsync();
        var url = await WebhookUrlAsync(rig);
        rig.Hub.Add(FakeHubSamples.Model("Qwen/Qwen3-Example-8B", "2025-07-29T00:00:00Z"));
        rig.Sink.Failure = new InvalidOperationException("the planner failed");
        using var http = new HttpClient();

        var status = await FakeHubWebhooks.SendAsync(http, url, FakeHubWebhooks.RepoCreated("Qwen/Qwen3-Example-8B"), Secret);
        // The first try stores the release and fails to announce it; the notice stays until a try gets through.
        await ReleaseBot.Testing.Hosting.Wait.UntilAsync(
            () => rig.Store.Releases.FindByRepoIdAsync(RepoId.Parse("Qwen/Qwen3-Example-8B"), Ct).Result is not null, "the first try");
        var keptAfterFailure = (await rig.Store.Inbox.GetAsync(10, Ct)).Count;
        await ReleaseBot.Testing.Hosting.Wait.UntilAsync(
            () => rig.Store.Inbox.GetAsync(1, Ct).Result.Count == 0, "the notice tried again and taken off");
        rig.Sink.Failure = null;
        await rig.RestartAsync();
        await rig.Bot.StartAsync();
        await rig.Sink.WaitForAsync(e => e.Id == "release:hf:Qwen/Qwen3-Example-8B", Wait);

        Assert.Equal(204, status);
        Assert.Equal(1, keptAfterFailure);
        Assert.Single(rig.Sink.Planned);
        Assert.Equal(1, rig.Hub.CountRequests("/api/models/Qwen/Qwen3-Example-8B"));
    }

    [Fact]
    public async Task Webhook_MadePublicAndReplayed_AnnouncedOnce()
    {
        await using var rig = await StartAsync();
        rig.Hub.Add(FakeHubSamples.Model("stepfun-ai/step3", "2025-04-01T00:00:00Z")).Private = true;
        await rig.Poll.RunAsync(Ct);
        await rig.Bot.StartAsync();
        var url = await WebhookUrlAsync(rig);
        using var http = new HttpClient();

        rig.Hub.Publish("stepfun-ai/step3");
        await FakeHubWebhooks.SendAsync(http, url, FakeHubWebhooks.MadePublic("stepfun-ai/step3"), Secret);
        await FakeHubWebhooks.SendAsync(http, url, FakeHubWebhooks.MadePublic("stepfun-ai/step3"), Secret);
        await rig.Sink.WaitForAsync(e => e.Id == "release:hf:stepfun-ai/step3", Wait);
        await FakeHubWebhooks.SendAsync(http, url, FakeHubWebhooks.ContentPushed("stepfun-ai/step3"), Secret);
        await FakeHubWebhooks.SendAsync(http, url, FakeHubWebhooks.DiscussionCreated("stepfun-ai/step3"), Secret);
        await rig.Poll.RunAsync(Ct);

        Assert.Single(rig.Sink.Planned);
    }

    [Fact]
    public async Task Webhook_BadOrMissingSecret_Gets401AndChangesNothing()
    {
        await using var rig = await StartAsync();
        await rig.Poll.RunAsync(Ct);
        await rig.Bot.StartAsync();
        var url = await WebhookUrlAsync(rig);
        rig.Hub.Add(FakeHubSamples.Model("Qwen/Qwen3-Example-8B", "2025-07-29T00:00:00Z"));
        rig.Hub.Add(FakeHubSamples.Model("zai-org/GLM-4.5", "2025-07-28T00:00:00Z"));
        using var http = new HttpClient();

        var wrong = await FakeHubWebhooks.SendAsync(http, url, FakeHubWebhooks.RepoCreated("Qwen/Qwen3-Example-8B"), "guess");
        var missing = await FakeHubWebhooks.SendAsync(http, url, FakeHubWebhooks.RepoCreated("Qwen/Qwen3-Example-8B"), null);
        // Webhooks are ingested in arrival order: once a later, good one is through, a refused one would have been too.
        await FakeHubWebhooks.SendAsync(http, url, FakeHubWebhooks.RepoCreated("zai-org/GLM-4.5"), Secret);
        await rig.Sink.WaitForAsync(e => e.Id == "release:hf:zai-org/GLM-4.5", Wait);

        Assert.Equal(401, wrong);
        Assert.Equal(401, missing);
        Assert.Equal(["release:hf:zai-org/GLM-4.5"], rig.Sink.Published.Select(e => e.Id));
        Assert.Null(await rig.Store.Releases.FindByRepoIdAsync(RepoId.Parse("Qwen/Qwen3-Example-8B"), Ct));
        Assert.DoesNotContain(rig.Hub.Requests, r => r.PathAndQuery.Contains("Qwen3-Example-8B", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Webhook_RenamedBeforeDetailRead_StoredUnderNewId()
    {
        await using var rig = await StartAsync();
        await rig.Poll.RunAsync(Ct);
        await rig.Bot.StartAsync();
        var url = await WebhookUrlAsync(rig);
        rig.Hub.Add(FakeHubSamples.Model("zai-org/GLM-4.5-Preview", "2025-07-28T00:00:00Z"));
        rig.Hub.Rename("zai-org/GLM-4.5-Preview", "zai-org/GLM-4.5");
        using var http = new HttpClient();

        await FakeHubWebhooks.SendAsync(http, url, FakeHubWebhooks.RepoCreated("zai-org/GLM-4.5-Preview"), Secret);
        var planned = await rig.Sink.WaitForAsync(e => e.Kind == EventKind.ReleaseDetected, Wait);
        var poll = await rig.Poll.RunAsync(Ct);

        Assert.Equal("release:hf:zai-org/GLM-4.5", planned.Id);
        Assert.Empty(poll.Announced);
        var release = await rig.Store.Releases.FindByRepoIdAsync(RepoId.Parse("zai-org/GLM-4.5-Preview"), Ct);
        Assert.Equal("zai-org/GLM-4.5", release!.RepoId.ToString());
        Assert.Equal([RepoId.Parse("zai-org/GLM-4.5-Preview")], release.FormerRepoIds);
    }

    [Fact]
    public async Task Webhook_RepoOfUnwatchedOwner_Ignored()
    {
        await using var rig = await StartAsync();
        await rig.Poll.RunAsync(Ct);
        await rig.Bot.StartAsync();
        var url = await WebhookUrlAsync(rig);
        rig.Hub.Add(FakeHubSamples.ImpostorKimiK3());
        rig.Hub.Add(FakeHubSamples.Model("zai-org/GLM-4.5", "2025-07-28T00:00:00Z"));
        using var http = new HttpClient();

        var status = await FakeHubWebhooks.SendAsync(http, url, FakeHubWebhooks.RepoCreated("reteetzad/Kimi-K3"), Secret);
        // Webhooks are ingested in arrival order: once a later, watched one is through, the impostor has been judged.
        await FakeHubWebhooks.SendAsync(http, url, FakeHubWebhooks.RepoCreated("zai-org/GLM-4.5"), Secret);
        await rig.Sink.WaitForAsync(e => e.Id == "release:hf:zai-org/GLM-4.5", Wait);

        Assert.Equal(204, status);
        Assert.Equal(["release:hf:zai-org/GLM-4.5"], rig.Sink.Published.Select(e => e.Id));
    }
}
