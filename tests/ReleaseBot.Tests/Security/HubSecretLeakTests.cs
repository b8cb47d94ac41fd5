using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ingest;
using ReleaseBot.Testing.FakeHub;
using ReleaseBot.Core.Ports;

namespace ReleaseBot.Tests.Security;

/// <summary>The Hub token never reaches a log line, a logged exception or a result, whether the Hub answers or fails.</summary>
public sealed class HubSecretLeakTests
{
    private const string Token = "hf_CANARYhubTokenQ7";
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static Task<HubHarness> StartAsync(string token, int? maxRetries = null) => HubHarness.StartAsync(
        new Dictionary<string, string?> { ["Token"] = token, ["MaxRetries"] = maxRetries?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "2" },
        o => o.WithLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddFakeLogging()));

    [Fact]
    public async Task PollAndDetail_ServerErrors_TokenInNoLog()
    {
        await using var rig = await StartAsync(Token);
        rig.Hub.ExpectedToken = Token;
        rig.Hub.Add(FakeHubSamples.KimiK2Thinking());
        rig.Hub.AddFault(new FakeHubFault.Status(500), times: 100);

        await rig.Poll.RunAsync(Ct);
        var detail = await rig.Services.GetRequiredService<IModelDetailSource>().GetDetailAsync(RepoId.Parse("moonshotai/Kimi-K2-Thinking"), Ct);

        Assert.Contains(rig.Hub.Requests, r => r.Status == 500);
        Assert.True(rig.Hub.Requests[0].HadAuthorization);
        Assert.DoesNotContain(Token, detail.ToString(), StringComparison.Ordinal);
        Assert.Contains(rig.Services.GetFakeLogCollector().GetSnapshot(), r => r.Exception is not null);
        SecretAssert.NotLogged(rig.Services.GetFakeLogCollector(), Token);
    }

    [Fact]
    public async Task PollAndDetail_BadToken401_TokenInNoLog()
    {
        const string wrong = "hf_WRONGcanaryQ8";
        await using var rig = await StartAsync(wrong);
        rig.Hub.ExpectedToken = Token;
        rig.Hub.Add(FakeHubSamples.KimiK2Thinking());

        await rig.Poll.RunAsync(Ct);
        var detail = await rig.Services.GetRequiredService<IModelDetailSource>().GetDetailAsync(RepoId.Parse("moonshotai/Kimi-K2-Thinking"), Ct);

        Assert.Contains(rig.Hub.Requests, r => r.Status == 401);
        Assert.DoesNotContain(wrong, detail.ToString(), StringComparison.Ordinal);
        Assert.Contains(rig.Services.GetFakeLogCollector().GetSnapshot(), r => r.Exception is not null);
        SecretAssert.NotLogged(rig.Services.GetFakeLogCollector(), wrong, Token);
    }
}
