using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Health;
using ReleaseBot.Core.Replies;
using ReleaseBot.Testing.Rendering;
using ReleaseBot.Tests.Dispatch;

namespace ReleaseBot.Tests.Commands;

public sealed class StatusCommandTests
{
    [Fact]
    public async Task Status_NotAdmin_RefusedAndNothingShown()
    {
        using var h = await CommandHarness.WithVendorsAsync();
        h.Health.Failed(HealthComponent.Telegram, "getUpdates: HTTP 502");
        h.Environment.SenderIsAdmin = false;

        var reply = await h.SendAsync("/status");

        Assert.Equal(ReplyKind.Error, reply.Kind);
        Assert.Contains("/status", reply.ToConsoleText(), StringComparison.Ordinal);
        Assert.DoesNotContain("502", reply.ToConsoleText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_Admin_LastPollPendingAndLastErrorPerPlatform()
    {
        using var h = await CommandHarness.WithVendorsAsync();
        h.Health.Starting(HealthComponent.HubPoll);
        h.Health.Succeeded(HealthComponent.HubPoll);
        h.Health.Failed(HealthComponent.Telegram, "getUpdates: HTTP 502");
        h.Health.Succeeded(HealthComponent.Telegram);
        var botEvent = TestData.Detected(TestData.Release("Qwen/Qwen3-8B"));
        await h.Store.Outbox.TryAddAsync(
            new Delivery
            {
                Id = Delivery.KeyFor("sub-a", botEvent.Id),
                SubscriptionId = "sub-a",
                Platform = Platform.Telegram,
                Event = botEvent,
                CreatedAt = h.Time.GetUtcNow(),
                NextAttemptAt = h.Time.GetUtcNow(),
            },
            CancellationToken.None);
        h.Time.Advance(TimeSpan.FromMinutes(4));
        var before = await h.FingerprintAsync();

        var text = (await h.SendAsync("/status")).ToConsoleText();

        Assert.Contains("Bot status", text, StringComparison.Ordinal);
        Assert.Contains("Last Hub poll: 2025-07-31 01:00 UTC (4 min ago)", text, StringComparison.Ordinal);
        Assert.Contains("Deliveries: 1 pending, 0 failed, 0 sent", text, StringComparison.Ordinal);
        Assert.Contains("Telegram: connected; last error at 2025-07-31 01:00 UTC: getUpdates: HTTP 502", text, StringComparison.Ordinal);
        Assert.Equal(before, await h.FingerprintAsync());
    }

    [Fact]
    public async Task Status_Chinese_TranslatedAndPollOffSaid()
    {
        using var h = await CommandHarness.WithVendorsAsync();
        await h.SendAsync("/lang zh");

        var text = (await h.SendAsync("/status")).ToConsoleText();

        Assert.Contains("机器人状态", text, StringComparison.Ordinal);
        Assert.Contains("已关闭", text, StringComparison.Ordinal);
    }
}
