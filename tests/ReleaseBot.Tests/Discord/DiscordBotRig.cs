using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ReleaseBot.Core.Commands;
using ReleaseBot.Core.Domain;
using ReleaseBot.Testing.Builders;
using ReleaseBot.Testing.FakeDiscord;
using ReleaseBot.Testing.Store;

namespace ReleaseBot.Tests.Discord;

/// <summary>A fake Discord with one server of two channels, and the bot (real host pieces) on a LiteDB file in a temp folder.</summary>
internal sealed class DiscordBotRig : IAsyncDisposable
{
    public const ulong GuildId = 81384788765712384;
    public const ulong ChannelId = 81384788765712385;
    public const ulong OtherChannelId = 81384788765712386;

    private readonly TempDirectory _folder = new();

    private DiscordBotRig(FakeDiscordServer fake)
    {
        Fake = fake;
        Bot = NewHarness();
    }

    public FakeDiscordServer Fake { get; }
    public DiscordHarness Bot { get; private set; }
    public FakeDiscordGuild Guild => FakeDiscordGuild.Create(GuildId, "Open Models", ChannelId, OtherChannelId);
    public FakeLogCollector Logs => Bot.Services.GetFakeLogCollector();

    public static async Task<DiscordBotRig> CreateAsync()
    {
        // Restarts identify again at once; the fake's 1-per-5-s Identify limit would only slow the tests down.
        var fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions
        {
            Guilds = [FakeDiscordGuild.Create(GuildId, "Open Models", ChannelId, OtherChannelId)],
            IdentifyLimit = null,
        });
        return new DiscordBotRig(fake);
    }

    /// <summary>Starts the bot with the two sample releases in its store.</summary>
    /// <summary>
    /// Before <see cref="StartAsync"/>: commands (those <paramref name="holds"/> picks, else all) wait in a
    /// <see cref="GatedCommandRouter"/> until it is released, and <c>DeferAfter</c> is 200 ms, so a held command is
    /// acknowledged as "thinking" quickly. Returns the running bot's router, null until built (each start, a restart too, builds a new one).
    /// </summary>
    public Func<GatedCommandRouter?> HoldCommands(Func<CommandRequest, bool>? holds = null)
    {
        GatedCommandRouter? router = null;
        Bot.Settings["ReleaseBot:Discord:DeferAfter"] = "00:00:00.200";
        Bot.ConfigureServices = services =>
        {
            services.RemoveAll<ICommandRouter>();
            services.AddSingleton<CommandRouter>();
            services.AddSingleton<ICommandRouter>(sp => router = new GatedCommandRouter(sp.GetRequiredService<CommandRouter>(), holds));
        };
        return () => router;
    }

    public async Task StartAsync()
    {
        await Bot.StartAsync();
        await Bot.AddReleasesAsync(
            new ReleaseBuilder("Qwen/Qwen3-Coder-480B-A35B-Instruct", "alibaba").Params(480_000_000_000, 35_000_000_000).Licence("apache-2.0").Build(),
            new ReleaseBuilder("Qwen/Qwen3-235B-A22B-Thinking-2507", "alibaba").Build(),
            new ReleaseBuilder("zai-org/GLM-4.5", "zhipu").Build());
    }

    /// <summary>Stops the bot and starts a new one over the same data folder, with the same settings and service changes.</summary>
    public async Task RestartAsync()
    {
        var previous = Bot;
        var settings = Bot.Settings;
        await Bot.StopAsync();
        Bot = NewHarness();
        Bot.ConfigureServices = previous.ConfigureServices;
        foreach (var (key, value) in settings)
        {
            Bot.Settings[key] = value;
        }

        await Bot.StartAsync();
    }

    /// <summary>Types <paramref name="name"/> in <paramref name="channelId"/> and waits for the visible answer (after any defer).</summary>
    public async Task<(FakeDiscordInteraction Interaction, string Text)> CommandAsync(
        string name, IEnumerable<JsonObject>? options = null, ulong memberPermissions = FakeDiscordPermissions.All, ulong channelId = ChannelId)
    {
        var interaction = await Fake.Gateway.DispatchSlashCommandAsync(channelId, name, options, memberPermissions);
        return (interaction, await AnswerOfAsync(interaction));
    }

    public async Task<string> AnswerOfAsync(FakeDiscordInteraction interaction)
    {
        Assert.True(
            await DiscordHarness.WaitUntilAsync(() => Fake.State.OriginalResponse(interaction.Id) is { } m && (m.Content is { Length: > 0 } || m.Embeds.Count > 0)),
            "no answer; callbacks: " + string.Join(", ", Fake.State.CallbacksFor(interaction.Id).Select(c => $"{c.Type}:{c.Status}")));
        var original = Fake.State.OriginalResponse(interaction.Id)!;
        return string.Join("\n", new[] { original }.Concat(Fake.State.FollowUps(interaction.Id)).Select(m => m.Content + m.Embeds.ToJsonString()));
    }

    /// <summary>Waits (up to 20 s) until the subscription of <paramref name="chat"/> satisfies <paramref name="condition"/>.</summary>
    public async Task<bool> WaitForSubscriptionAsync(ChatAddress chat, Func<Subscription?, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition(await Bot.Subscriptions.FindByChatAsync(chat, CancellationToken.None)))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Fake.DisposeAsync();
        _folder.Dispose();
    }

    private DiscordHarness NewHarness() => new(Fake, _folder.Path)
    {
        ConfigureLogging = logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging(),
    };
}
