using System.ComponentModel.DataAnnotations;

namespace ReleaseBot.Discord;

/// <summary>Section <c>ReleaseBot:Discord</c>. The adapter is enabled when <see cref="Token"/> is set.</summary>
public sealed class DiscordOptions
{
    public const string Section = "ReleaseBot:Discord";

    /// <summary>Bot token; empty disables Discord. A secret: never logged, never in an exception message.</summary>
    public string Token { get; set; } = string.Empty;

    /// <summary>REST base URL (v10); a fake's <c>http://127.0.0.1:{port}/api/v10</c> in tests.</summary>
    [Required]
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>Hex Ed25519 public key of the application, for verifying interaction requests.</summary>
    public string PublicKey { get; set; } = string.Empty;

    /// <summary>The URL in the <c>User-Agent: DiscordBot (url, version)</c> header Discord requires.</summary>
    public string UserAgentUrl { get; set; } = "https://github.com/releasebot/releasebot";

    /// <summary>Timeout of one REST request (connection set-up included).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Requests per rolling second over all bot-authenticated routes (Discord: 50 per bot). Interaction callbacks and
    /// webhook routes are outside it. Configurable so benchmarks can scale.
    /// </summary>
    [Range(1, 100_000)]
    public int GlobalRequestsPerSecond { get; set; } = 50;

    /// <summary>
    /// How long <c>DiscordRestClient.SendAsync</c> may wait for a rate limit before it answers "wait until" instead of
    /// sending; a caller can pass its own maximum per request.
    /// </summary>
    public TimeSpan RateLimitMaxWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times one request is sent again after a 429 (each after the wait Discord asked for).</summary>
    [Range(0, 10)]
    public int RateLimitRetries { get; set; } = 3;

    /// <summary>
    /// 401/403/429 answers (shared-scope 429s excepted) allowed within <see cref="InvalidRequestWindow"/> before the client
    /// refuses to send. Discord restricts the IP at 10,000 per 10 minutes; a quarter of that leaves room for a second
    /// process on the same address and for answers in flight when the guard trips.
    /// </summary>
    [Range(1, 10_000)]
    public int InvalidRequestLimit { get; set; } = 2_500;

    public TimeSpan InvalidRequestWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Gateway URL used instead of the one <c>GET /gateway/bot</c> returns; empty asks Discord (the documented way).
    /// </summary>
    public string? GatewayUrl { get; set; }

    /// <summary>
    /// Pause before reconnecting after a connection that failed before READY/RESUMED or lived less than
    /// <see cref="MinStableConnection"/>; doubles per failure.
    /// </summary>
    public TimeSpan ReconnectDelayMin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A connection that reached READY/RESUMED but closed sooner than this counts as a failure, so a gateway that closes
    /// every few seconds is reconnected with a growing pause instead of at once each time. After a longer one the bot
    /// resumes at once, as Discord asks.
    /// </summary>
    public TimeSpan MinStableConnection { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan ReconnectDelayMax { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Smallest pause before an Identify that follows a failed one. Identify is limited to 1000 a day and a loop on it
    /// resets the token (https://docs.discord.com/developers/events/gateway#rate-limiting), so failures back off from
    /// here up to <see cref="ReconnectDelayMax"/>.
    /// </summary>
    public TimeSpan IdentifyRetryDelayMin { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Discord allows <c>max_concurrency</c> (from <c>GET /gateway/bot</c>, 1 for most bots) Identify calls per this window;
    /// a faster one is answered with op 9. The client spaces its Identifies by window / max_concurrency.
    /// </summary>
    public TimeSpan IdentifyWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Random wait before identifying again after op 9 Invalid Session (docs: 1–5 seconds).</summary>
    public TimeSpan InvalidSessionDelayMin { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan InvalidSessionDelayMax { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Age beyond which a signed interaction request is refused as a replay: 5 minutes either way of the local clock,
    /// which tolerates ordinary clock skew while keeping a captured request short-lived.
    /// </summary>
    public TimeSpan SignatureMaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Guild (server) id to register the slash commands in, instead of globally: guild commands appear at once, which
    /// suits a private bot or a test server. Empty registers them globally.
    /// </summary>
    public string? GuildId { get; set; }

    /// <summary>
    /// Path of the HTTP interactions endpoint on the shared web listener (e.g. <c>/discord/interactions</c>), for an
    /// application whose Interactions Endpoint URL points here. Empty (the default) answers interactions over the gateway only.
    /// Needs <see cref="PublicKey"/>.
    /// </summary>
    public string? InteractionsEndpoint { get; set; }

    /// <summary>
    /// How long a command may take before the interaction is acknowledged as "thinking" (type 5) and the answer follows as an
    /// edit: Discord drops an interaction not answered within 3 seconds of its creation.
    /// </summary>
    public TimeSpan DeferAfter { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// Commands answered at once, each from a different channel (commands of one channel, thread or DM are always answered
    /// one after another). They mostly wait on Discord, so this can be well above the core count.
    /// </summary>
    public int MaxConcurrentInteractions { get; set; } = 32;

    public bool Enabled => !string.IsNullOrWhiteSpace(Token);
}
