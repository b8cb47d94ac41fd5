using Microsoft.Extensions.Logging.Abstractions;
using ReleaseBot.Core.Domain;
using ReleaseBot.Planning;
using ReleaseBot.Testing.Hosting;
using ReleaseBot.Tests.Dispatch;

namespace ReleaseBot.Tests.Planning;

public sealed class FanOutServiceTests
{
    [Fact]
    public async Task Run_FanOutLeftOpen_WritesItsRowsAsDispatchDrainsThenClosesIt()
    {
        using var h = new DispatchHarness();
        await h.AddSubscriptionsAsync(1200);
        var detected = TestData.Detected(await h.AddReleaseAsync(TestData.Release("zai-org/GLM-4.5")));
        Assert.Equal(550, await h.Planner.PublishAsync(detected, CancellationToken.None));
        var outbox = h.Store.Outbox;
        var service = new FanOutService(h.Planner, [h.Sender], TimeProvider.System, NullLogger<FanOutService>.Instance);

        await service.StartAsync(CancellationToken.None);
        try
        {
            // At once: 550 due is short of the low-water mark, so one batch more, and then it waits.
            await Wait.UntilAsync(async () => await outbox.CountPendingAsync(Platform.Telegram, CancellationToken.None) == 1050, "1,050 rows");
            await Task.Delay(FanOutService.Tick * 2);
            Assert.Equal(1050, await outbox.CountPendingAsync(Platform.Telegram, CancellationToken.None));

            // Dispatch sends 600: within a tick the last 150 rows are written and the fan-out closes.
            await h.SendDueAsync(600);

            await Wait.UntilAsync(async () => (await outbox.GetOpenFanOutsAsync(CancellationToken.None)).Count == 0, "the fan-out to close");
            Assert.Equal(600, await outbox.CountPendingAsync(Platform.Telegram, CancellationToken.None));
            Assert.Equal(1200, (await outbox.CountByStateAsync(CancellationToken.None)).Values.Sum());
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }
}
