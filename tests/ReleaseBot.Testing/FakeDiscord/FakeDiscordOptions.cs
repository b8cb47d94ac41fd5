using ReleaseBot.Testing.FakeTelegram;

namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>
/// How the fake Discord behaves. The defaults are Discord's documented or commonly observed limits, applied as
/// rolling windows so the fake is at least as strict as the platform (reference/discord.md §7).
/// </summary>
public sealed record FakeDiscordOptions
{
    public const string DefaultToken = "FAKE.DISCORD.BOT-TOKEN";

    public string Token { get; init; } = DefaultToken;
    public ulong ApplicationId { get; init; } = 1030118727418646629;
    /// <summary>The bot user's id; Discord gives bots the application's id.</summary>
    public ulong BotUserId { get; init; } = 1030118727418646629;
    public string BotUsername { get; init; } = "ReleaseBot";

    /// <summary>Guilds the bot is in, sent as GUILD_CREATE after READY and used for channel routes.</summary>
    public IReadOnlyList<FakeDiscordGuild> Guilds { get; init; } = [];

    /// <summary>The only clock of the fake: interaction deadlines, rate windows, nonce window, timestamps.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Sent in Hello; short in tests.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromMilliseconds(500);
    /// <summary>Close the socket (4000, resumable) when no heartbeat came within interval × 1.5; off when false.</summary>
    public bool EnforceHeartbeatTimeout { get; init; } = true;
    /// <summary>Intents the application is approved for beyond the non-privileged ones (e.g. 1 &lt;&lt; 15 MESSAGE_CONTENT).</summary>
    public ulong ApprovedPrivilegedIntents { get; init; }
    /// <summary><c>max_concurrency</c> Identify calls per 5 s; exceeding answers op 9 <c>false</c>. Null switches it off.</summary>
    public FakeRateRule? IdentifyLimit { get; init; } = new(1, TimeSpan.FromSeconds(5));

    /// <summary>Whether the rate limits below are enforced with 429s (headers are sent either way).</summary>
    public bool EnforceLimits { get; init; } = true;
    /// <summary>Global limit per bot over bot-authenticated routes (not interaction callbacks or webhooks).</summary>
    public FakeRateRule Global { get; init; } = new(50, TimeSpan.FromSeconds(1));
    /// <summary><c>POST /channels/{id}/messages</c>, per channel.</summary>
    public FakeRateRule Messages { get; init; } = new(5, TimeSpan.FromSeconds(5));
    /// <summary>Reads (<c>GET /channels/{id}</c>, <c>/users/@me</c>, <c>/gateway/bot</c>).</summary>
    public FakeRateRule Reads { get; init; } = new(5, TimeSpan.FromSeconds(1));
    /// <summary>Command bulk overwrites, per application (global) or per guild.</summary>
    public FakeRateRule Commands { get; init; } = new(2, TimeSpan.FromSeconds(20));
    /// <summary>Follow-ups and <c>@original</c> edits, per webhook id + token.</summary>
    public FakeRateRule Webhooks { get; init; } = new(5, TimeSpan.FromSeconds(2));

    /// <summary>An interaction must be answered this soon after its dispatch, else 10062.</summary>
    public TimeSpan InteractionDeadline { get; init; } = TimeSpan.FromSeconds(3);
    /// <summary>How long an interaction token serves follow-ups and edits.</summary>
    public TimeSpan InteractionTokenLifetime { get; init; } = TimeSpan.FromMinutes(15);
    /// <summary>
    /// The <c>enforce_nonce</c> window ("the past few minutes", length undocumented). Kept short so a client
    /// cannot rely on it for longer than that: its own delivered record must do the rest.
    /// </summary>
    public TimeSpan NonceWindow { get; init; } = TimeSpan.FromMinutes(2);
    /// <summary>Application command creates per day (global or per guild) before 30034.</summary>
    public int DailyCommandCreates { get; init; } = 200;

    /// <summary>
    /// Every rate limit <paramref name="factor"/> times faster for a benchmark: route windows shrink, the global
    /// count grows (its window stays one second, so bursts are not judged on a sliver of time).
    /// </summary>
    public FakeDiscordOptions Scaled(double factor) => this with
    {
        Global = Global with { Count = (int)Math.Round(Global.Count * factor) },
        Messages = Messages with { Window = Messages.Window / factor },
        Reads = Reads with { Window = Reads.Window / factor },
        Commands = Commands with { Window = Commands.Window / factor },
        Webhooks = Webhooks with { Window = Webhooks.Window / factor },
    };
}
