using ReleaseBot.Core.Domain;
using ReleaseBot.Testing.FakeDiscord;
using Xunit.Abstractions;
using static ReleaseBot.Tests.Discord.Sending.DiscordDeliveryRig;

namespace ReleaseBot.Tests.Discord.Sending;

/// <summary>
/// Issue 10: Discord's REST answering 502 pages (or 500s) for a stretch while three announcements wait for ten channels.
/// The bot backs off instead of spinning, and once Discord is back every channel gets the three, once each and in order.
/// </summary>
public sealed class DiscordOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(6);

    [Theory]
    [InlineData("502 pages")]
    [InlineData("500s")]
    public async Task Unavailable_ForAStretch_BacksOffThenEveryChannelGetsEachOnceInOrder(string kind)
    {
        await using var rig = await StartAsync();
        foreach (var channel in Channels)
        {
            await rig.Bot.SubscribeAsync(channel);
        }

        rig.State.FailEveryRequest = kind == "500s" ? FakeDiscordFailure.ServerError() : FakeDiscordFailure.BadGateway();
        Release[] releases = [Release("Qwen/Qwen3-Outage-A"), Release("Qwen/Qwen3-Outage-B"), Release("Qwen/Qwen3-Outage-C")];
        foreach (var release in releases)
        {
            await rig.PublishAsync(release);
        }

        await Task.Delay(Outage);
        var attempts = rig.State.Requests.Count(r => r.Path.EndsWith("/messages", StringComparison.Ordinal) && r.Status >= 500);
        var recovered = System.Diagnostics.Stopwatch.StartNew();
        rig.State.FailEveryRequest = null;
        await rig.WaitForMessagesAsync(Channels, releases.Length);
        var drain = recovered.Elapsed;

        // Each channel's head row: a try, then 0.2, 0.4, 0.8, 1.6, 3.2 s apart: at most 6 in six seconds (7 with a late
        // pass), 70 for ten channels. Retrying on every 0.1 s dispatcher pass would make 600.
        output.WriteLine($"{kind}: {attempts} posts in {Outage.TotalSeconds} s ({attempts / Outage.TotalSeconds:F1}/s for {Channels.Length} channels), drain {drain.TotalSeconds:F1} s");
        Assert.InRange(attempts, Channels.Length, 7 * Channels.Length);
        foreach (var channel in Channels)
        {
            var posted = rig.State.MessagesIn(channel).Select(m => m.Embeds.ToJsonString()).ToList();
            Assert.Equal(releases.Length, posted.Count);
            for (var i = 0; i < releases.Length; i++)
            {
                Assert.Contains(releases[i].RepoId.Name, posted[i], StringComparison.Ordinal);
            }
        }
    }
}
