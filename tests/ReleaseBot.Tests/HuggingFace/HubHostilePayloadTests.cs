using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Health;
using ReleaseBot.Core.Ingest;
using ReleaseBot.HuggingFace.Client;
using ReleaseBot.Testing.FakeHub;

namespace ReleaseBot.Tests.HuggingFace;

/// <summary>Answers of the wrong shape or size from the Hub: refused with a logged reason, and the next poll works.</summary>
public sealed class HubHostilePayloadTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    public static TheoryData<string, string, bool> Payloads => new()
    {
        { "object instead of list", "{\"models\":[]}", false },
        { "string instead of list", "\"surprise\"", false },
        { "items of every wrong type", "[1, \"x\", null, true, [], {\"id\": 42}, {\"id\": {\"a\": 1}}, {\"id\": \"moonshotai/Kimi-K2-Instruct\", \"createdAt\": 7, \"tags\": {\"a\": 1}, \"gated\": [1], \"safetensors\": \"big\", \"cardData\": [], \"likes\": \"many\", \"downloads\": 1e400}]", true },
        { "deeply nested", new string('[', 5000) + new string(']', 5000), false },
        { "huge array", "[" + string.Join(',', Enumerable.Repeat("{\"id\":\"moonshotai/x\",\"createdAt\":\"2025-07-01T00:00:00Z\"}", 60_000)) + "]", false },
        { "large body, chunked", "[{\"id\":\"moonshotai/Kimi-K2-Instruct\",\"note\":\"" + new string('x', 300_000) + "\"}]", false },
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task Poll_HostileListing_RefusedWithReasonAndNextPollWorks(string what, string json, bool acceptable)
    {
        await using var rig = await HubHarness.StartAsync(new Dictionary<string, string?> { ["MaxResponseBytes"] = "262144" }, o => o.WithLogging(l => l.AddFakeLogging()));
        await rig.Poll.RunAsync(Ct);
        rig.Hub.AddFault(new FakeHubFault.Body(json, Chunked: what.Contains("chunked", StringComparison.Ordinal)) { PathContains = "author=moonshotai" });

        var hostile = await rig.Poll.RunAsync(Ct);
        rig.Hub.Add(FakeHubSamples.KimiK2Thinking());
        var next = await rig.Poll.RunAsync(Ct);

        var logs = rig.Services.GetFakeLogCollector().GetSnapshot();
        if (!acceptable)
        {
            Assert.Contains(logs, l => l.Level == LogLevel.Warning && l.Message.Contains("Polling org moonshotai failed", StringComparison.Ordinal)
                && l.Exception is HubException or HttpRequestException && l.Exception.Message.Length > 0);
        }

        Assert.DoesNotContain(hostile.Announced, id => id.StartsWith("moonshotai/x", StringComparison.Ordinal));
        Assert.Contains("moonshotai/Kimi-K2-Thinking", next.Announced);
        Assert.True(rig.Services.GetRequiredService<HealthState>().Get(HealthComponent.HubPoll)?.LastSuccessAt is not null, what);
    }

    [Fact]
    public async Task ListTrending_LargeBodyWithLength_RefusedNamingTheLimit()
    {
        await using var rig = await HubHarness.StartAsync(new Dictionary<string, string?> { ["MaxResponseBytes"] = "65536" });
        rig.Hub.AddFault(new FakeHubFault.Body("[" + string.Join(',', Enumerable.Repeat("{\"id\":\"a/b\"}", 20_000)) + "]"));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => rig.Services.GetRequiredService<HubClient>().ListTrendingAsync(50, Ct));

        Assert.True(error is HubException or HttpRequestException, error.GetType().Name);
        Assert.Contains("buffer", error.Message + error.InnerException?.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task GetModelInfo_WrongTypes_FailedResultNotACrash()
    {
        await using var rig = await HubHarness.StartAsync();
        rig.Hub.AddFault(new FakeHubFault.Body("[\"not\", \"an\", \"object\"]"));

        var result = await rig.Services.GetRequiredService<HubClient>().GetModelInfoAsync(RepoId.Parse("moonshotai/Kimi-K2-Thinking"), Ct);

        var failed = Assert.IsType<ModelDetailResult.Failed>(result);
        Assert.Contains("unexpected JSON", failed.Reason, StringComparison.Ordinal);
    }
}
