using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using ReleaseBot.Composition;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.Testing.Fakes;
using ReleaseBot.Testing.Store;
using ReleaseBot.LiteDb;

namespace ReleaseBot.Tests.Dispatch;

public sealed class DeliveryRegistrationTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Host_PublishedEventAndDueDigest_ReachTheSender()
    {
        using var folder = new TempDirectory();
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 7, 30, 1, 0, 0, TimeSpan.Zero));
        var sender = new RecordingSender(Platform.Telegram);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReleaseBot:DataPath"] = folder.File("releasebot.db"),
            // Only the planner's signal can wake dispatch: the fake clock never reaches the poll.
            ["ReleaseBot:Dispatch:PollInterval"] = "01:00:00",
            ["ReleaseBot:Digest:Tick"] = "00:00:30",
        });
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IEventComposer, FakeEventComposer>();
        builder.Services.AddSingleton<IMessageSender>(sender);
        builder.AddLiteDbStore();
        builder.AddReleaseBotDelivery();
        using var host = builder.Build();

        var subscriptions = host.Services.GetRequiredService<ISubscriptionStore>();
        await subscriptions.UpsertSubscriptionAsync(new Subscription
        {
            Id = "s",
            Chat = new ChatAddress(Platform.Telegram, "-100"),
            Mode = DeliveryMode.Both,
            TimeZone = "Asia/Shanghai",
            DigestTime = new TimeOnly(9, 0),
            CreatedAt = time.GetUtcNow().AddDays(-3),
        }, CancellationToken.None);
        await host.StartAsync();

        await sender.WhenArrivedAsync(1).WaitAsync(Guard); // 09:00 in Shanghai: the digest is due
        var release = TestData.Release("Qwen/Qwen3-Coder-480B-A35B-Instruct");
        await host.Services.GetRequiredService<IReleaseStore>().TryAddReleaseAsync(release, CancellationToken.None);
        await host.Services.GetRequiredService<IEventSink>().PublishAsync(TestData.Detected(release), CancellationToken.None);
        await sender.WhenArrivedAsync(2).WaitAsync(Guard);
        await host.StopAsync();

        Assert.Equal(
            [FakeEventComposer.TextFor("digest:s:2025-07-30", "s"), FakeEventComposer.TextFor(TestData.Detected(release).Id, "s")],
            sender.Arrived.Select(s => s.Text));
    }
}
