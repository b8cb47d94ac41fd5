using System.Text.Json.Nodes;
using ReleaseBot.Core.Domain;
using ReleaseBot.Testing.Builders;
using ReleaseBot.Testing.FakeDiscord;
using ReleaseBot.Testing.Store;

namespace ReleaseBot.Tests.Discord.Sending;

/// <summary>A fake Discord with one guild of text channels (and a thread), and the real delivery path over a LiteDB temp file.</summary>
internal sealed class DiscordDeliveryRig : IAsyncDisposable
{
    public const ulong GuildId = 910000000000000000;
    public const ulong ThreadId = 910000000000000099;
    public static readonly ulong[] Channels = [.. Enumerable.Range(1, 10).Select(i => GuildId + (ulong)i)];

    private readonly TempDirectory _folder = new();

    private DiscordDeliveryRig(FakeDiscordServer fake)
    {
        Fake = fake;
        Bot = new DiscordDeliveryHarness(fake, _folder.Path).WithLimitsOfFake();
    }

    public FakeDiscordServer Fake { get; }
    public DiscordDeliveryHarness Bot { get; private set; }
    public FakeDiscordState State => Fake.State;

    public static async Task<DiscordDeliveryRig> StartAsync(Action<DiscordDeliveryHarness>? configure = null)
    {
        var guild = FakeDiscordGuild.Create(GuildId, "Open Models", Channels);
        var thread = new FakeDiscordChannel(ThreadId, GuildId, "releases-thread", FakeDiscordChannel.PublicThread) { ParentId = Channels[0] };
        guild = guild with
        {
            Channels = [.. guild.Channels, thread],
            Roles = [guild.Roles[0] with { Permissions = guild.Roles[0].Permissions | FakeDiscordPermissions.SendMessagesInThreads }],
        };
        var rig = new DiscordDeliveryRig(await FakeDiscordServer.StartAsync(new FakeDiscordOptions { Guilds = [guild] }));
        configure?.Invoke(rig.Bot);
        await rig.Bot.StartAsync();
        return rig;
    }

    /// <summary>Stops the bot and starts a new one over the same data file (a restart, or the process after a crash).</summary>
    public async Task RestartAsync()
    {
        await Bot.StopAsync();
        Bot = new DiscordDeliveryHarness(Fake, _folder.Path).WithLimitsOfFake();
        await Bot.StartAsync();
    }

    public static Release Release(string repoId = "Qwen/Qwen3-235B-A22B-Instruct-2507") =>
        new ReleaseBuilder(repoId, "alibaba").Params(235_000_000_000, 22_000_000_000).Licence("apache-2.0").Build();

    public async Task PublishAsync(Release release)
    {
        await Bot.AddReleasesAsync(release);
        await Bot.Events.PublishAsync(BotEvent.ReleaseDetected(release, DateTimeOffset.UtcNow), CancellationToken.None);
    }

    /// <summary>Waits until the fake holds <paramref name="count"/> messages in each channel and the outbox has nothing pending.</summary>
    public async Task WaitForMessagesAsync(IEnumerable<ulong> channels, int count = 1)
    {
        var list = channels.ToList();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await State.WaitUntilAsync(s => list.All(c => s.MessagesIn(c).Count >= count), timeout.Token);
        await WaitUntilSettledAsync();
    }

    /// <summary>Waits until the outbox has no pending row left.</summary>
    public async Task WaitUntilSettledAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await Bot.PendingAsync() > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "deliveries still pending after 30 s");
            await Task.Delay(20);
        }
    }

    /// <summary>A 429 answer the fake gives once, with the scope's headers.</summary>
    public static FakeDiscordFailure TooManyRequests(string scope, double seconds) =>
        new(429, new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = seconds, ["global"] = scope == "global" })
        {
            Scope = scope,
            RetryAfterSeconds = seconds,
        };

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Fake.DisposeAsync();
        _folder.Dispose();
    }
}
