using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ReleaseBot.Core.Commands;
using ReleaseBot.Core.Digests;
using ReleaseBot.Core.Health;
using ReleaseBot.Core.Messages;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Replies;
using ReleaseBot.Core.Seed;
using ReleaseBot.Testing.Builders;
using ReleaseBot.Testing.Hosting;
using ReleaseBot.Core.Ports;
using ReleaseBot.Seed;

namespace ReleaseBot.Tests.Commands;

/// <summary>
/// The composed command router and composers (a <see cref="BotFixture"/>, not started) over a real LiteDB file,
/// with a fake clock and a fake chat.
/// </summary>
public sealed class CommandHarness : IDisposable
{
    public CommandHarness(DigestOptions? digest = null)
    {
        Store = BotFixture.BuildWithoutStarting(new BotFixtureOptions().WithTime(Time).WithDigest(digest ?? new DigestOptions()));
    }

    /// <summary>The bot; its store ports (Vendors, Releases, …).</summary>
    public BotFixture Store { get; }
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 7, 31, 1, 0, 0, TimeSpan.Zero));
    public FakeChatEnvironment Environment { get; } = new();
    public HealthState Health => Store.Get<HealthState>();
    public ChatAddress Chat { get; set; } = new(Platform.Telegram, "-1001");
    public ICommandRouter Router => Store.Router;
    public EventComposer Composer => (EventComposer)Store.Get<IEventComposer>();

    public static async Task<CommandHarness> WithVendorsAsync(params Release[] releases)
    {
        var harness = new CommandHarness();
        await harness.Store.Vendors.UpsertVendorsAsync(VendorBuilder.Catalogue, CancellationToken.None);
        foreach (var release in releases)
        {
            await harness.Store.Releases.TryAddReleaseAsync(release, CancellationToken.None);
        }

        return harness;
    }

    /// <summary>The bundled config/vendors.json and config/releases.seed.json, imported by the bot's own seed importer.</summary>
    public static async Task<CommandHarness> WithBundledDataAsync()
    {
        var harness = new CommandHarness();
        var seed = harness.Store.Get<IOptions<SeedOptions>>().Value;
        var vendors = SeedFileLocator.Resolve(seed.VendorsPath, out _) ?? throw new FileNotFoundException(seed.VendorsPath);
        var releases = SeedFileLocator.Resolve(seed.ReleasesPath, out _) ?? throw new FileNotFoundException(seed.ReleasesPath);
        var source = await SeedSource.ReadFilesAsync(vendors, releases, CancellationToken.None);
        await harness.Store.Get<SeedImporter>().ImportAsync(source, CancellationToken.None);
        return harness;
    }

    public Task<Reply> SendAsync(string text, string? clientLanguage = null, bool isPrivate = false, string? senderId = "42") =>
        Router.HandleAsync(
            new CommandRequest
            {
                Chat = Chat,
                ChatTitle = "Test chat",
                IsPrivate = isPrivate,
                SenderId = senderId,
                Text = text,
                ClientLanguage = clientLanguage,
                Environment = Environment,
            },
            CancellationToken.None);

    /// <summary>A command with typed arguments, as the Discord adapter sends one: the router takes them as they are.</summary>
    public Task<Reply> SendArgsAsync(string command, params string[] args) =>
        Router.HandleAsync(
            new CommandRequest { Chat = Chat, ChatTitle = "Test chat", SenderId = "42", Text = command, Args = args, Environment = Environment },
            CancellationToken.None);

    public Task<Subscription?> SubscriptionAsync() => Store.Subscriptions.FindByChatAsync(Chat, CancellationToken.None);

    public Task AddSubscriptionAsync(Subscription subscription) =>
        Store.Subscriptions.UpsertSubscriptionAsync(subscription, CancellationToken.None);

    /// <summary>Everything a command may change, as text: equal before and after means nothing changed.</summary>
    public async Task<string> FingerprintAsync()
    {
        var subscriptions = await Store.Subscriptions.GetSubscriptionsAsync(activeOnly: false, CancellationToken.None);
        var watches = await Store.Watches.GetWatchesAsync(null, CancellationToken.None);
        var language = await Store.State.GetStateAsync("lang:" + Chat.Key, CancellationToken.None);
        return JsonSerializer.Serialize(new { subscriptions, watches, language });
    }

    public void Dispose() => Store.Dispose();
}
