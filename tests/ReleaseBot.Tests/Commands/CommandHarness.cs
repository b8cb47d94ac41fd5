using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ReleaseBot.Core.Commands;
using ReleaseBot.Core.Commands.Handlers;
using ReleaseBot.Core.Digests;
using ReleaseBot.Core.Health;
using ReleaseBot.Core.Messages;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Replies;
using ReleaseBot.Core.Seed;
using ReleaseBot.Testing.Builders;
using ReleaseBot.Testing.Store;

namespace ReleaseBot.Tests.Commands;

/// <summary>The command router and composers over a real LiteDB file in a temp folder, with a fake chat.</summary>
public sealed class CommandHarness : IDisposable
{
    public CommandHarness(DigestOptions? digest = null)
    {
        Health = new HealthState(Time);
        var settings = new ChatSettings(Store.Subscriptions, Store.State, Time, Options.Create(digest ?? new DigestOptions()));
        var rankView = new RankView(Store.Ranks, Store.Vendors);
        ICommandHandler[] handlers =
        [
            new LatestCommand(Store.Releases, Store.Vendors),
            new RankCommand(rankView),
            new VendorsCommand(Store.Vendors, rankView),
            new VendorCommand(Store.Vendors, Store.Releases, rankView),
            new ModelCommand(Store.Releases, Store.Vendors, Store.Ranks),
            new SubscribeCommand(Store.Subscriptions, Store.Vendors, settings),
            new UnsubscribeCommand(Store.Subscriptions, Store.Watches, settings),
            new SettingsCommand(Store.Vendors, Store.Watches),
            new DigestCommand(Store.Subscriptions, settings),
            new WatchCommand(Store.Watches, Time),
            new WhyCommand(Store.Releases, Store.Vendors, Store.Outbox),
            new LangCommand(Store.Subscriptions, settings),
            new StatusCommand(Health, Store.Outbox, Options.Create(new HealthOptions()), Time),
            new HelpCommand(),
        ];
        Router = new CommandRouter(handlers, settings, NullLogger<CommandRouter>.Instance);
        Composer = new EventComposer(Store.Releases, Store.Vendors, Store.Ranks, new DigestComposer(Store.Releases, Store.Vendors, Store.Ranks, RankAlertRules.Default));
    }

    public TestStore Store { get; } = TestStore.Create();
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 7, 31, 1, 0, 0, TimeSpan.Zero));
    public FakeChatEnvironment Environment { get; } = new();
    public HealthState Health { get; }
    public ChatAddress Chat { get; set; } = new(Platform.Telegram, "-1001");
    public CommandRouter Router { get; }
    public EventComposer Composer { get; }

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

    /// <summary>The bundled config/vendors.json and config/releases.seed.json, loaded as the seed importer would.</summary>
    public static async Task<CommandHarness> WithBundledDataAsync()
    {
        var harness = new CommandHarness();
        var config = ConfigFolder();
        var source = await SeedSource.ReadFilesAsync(Path.Combine(config, "vendors.json"), Path.Combine(config, "releases.seed.json"), CancellationToken.None);
        var catalog = SeedCatalog.Parse(source);
        await harness.Store.Vendors.UpsertVendorsAsync(catalog.Vendors, CancellationToken.None);
        foreach (var release in catalog.Releases)
        {
            await harness.Store.Releases.TryAddReleaseAsync(release, CancellationToken.None);
        }

        foreach (var snapshot in catalog.Snapshots)
        {
            await harness.Store.Ranks.TryAddSnapshotAsync(snapshot, CancellationToken.None);
        }

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

    private static string ConfigFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "config");
            if (File.Exists(Path.Combine(candidate, "releases.seed.json")) && File.Exists(Path.Combine(candidate, "vendors.json")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("config/ with vendors.json and releases.seed.json not found above " + AppContext.BaseDirectory);
    }
}
