namespace ReleaseBot.HuggingFace;

/// <summary>
/// Settings of the Hub source (section <c>ReleaseBot:HuggingFace</c>). The ingestion rules in the same section
/// (BackfillCount, EnrichRetryBatch; EnteredTopRank, ClimbPlaces) are bound into Core's IngestOptions and RankAlertRules instead.
/// </summary>
public sealed class HuggingFaceOptions
{
    public const string Section = "ReleaseBot:HuggingFace";

    /// <summary>False turns every Hub poller off (offline use on the bundled data).</summary>
    public bool Enabled { get; set; } = true;
    public Uri BaseUrl { get; set; } = new("https://huggingface.co/");
    /// <summary>Optional read token; sent as a Bearer header, never logged.</summary>
    public string? Token { get; set; }
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan TrendingInterval { get; set; } = TimeSpan.FromMinutes(15);
    public int TrendingTop { get; set; } = 50;
    /// <summary>Items per list page (<c>limit</c>).</summary>
    public int PageSize { get; set; } = 100;
    /// <summary>Pages per org per poll (following <c>Link: rel="next"</c>).</summary>
    public int MaxPages { get; set; } = 1;
    /// <summary>Share of the 5-minute API quota the bot may use (the rest is left for other clients of the same IP/token).</summary>
    public double QuotaShare { get; set; } = 0.5;
    /// <summary>Quota assumed until the Hub's <c>RateLimit-Policy</c> header says otherwise (500 anonymous, 1,000 with a token).</summary>
    public int AssumedQuota { get; set; }
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>
    /// The largest answer body read, in bytes (a page of 100 expanded models is well under 1 MB); a larger one is
    /// refused with a logged reason instead of being held in memory.
    /// </summary>
    public int MaxResponseBytes { get; set; } = 8 * 1024 * 1024;
    public int MaxRetries { get; set; } = 5;
    /// <summary>First exponential backoff step (then doubled per attempt, capped at <see cref="MaxRetryDelay"/>).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(8);
    public HubWebhookOptions Webhook { get; set; } = new();

    public int EffectiveQuota => AssumedQuota > 0 ? AssumedQuota : string.IsNullOrEmpty(Token) ? 500 : 1000;
}
