using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ingest;

namespace ReleaseBot.HuggingFace;

/// <summary>Settings of the Hub source (section <c>ReleaseBot:HuggingFace</c>).</summary>
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
    /// <summary>On an org's first poll, how many of its newest repos to announce anyway.</summary>
    public int BackfillCount { get; set; }
    /// <summary>Share of the 5-minute API quota the bot may use (the rest is left for other clients of the same IP/token).</summary>
    public double QuotaShare { get; set; } = 0.5;
    /// <summary>Quota assumed until the Hub's <c>RateLimit-Policy</c> header says otherwise (500 anonymous, 1,000 with a token).</summary>
    public int AssumedQuota { get; set; }
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
    public int MaxRetries { get; set; } = 5;
    /// <summary>First exponential backoff step (then doubled per attempt, capped at <see cref="MaxRetryDelay"/>).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(8);
    /// <summary>A move into places 1..N raises "entered the top N".</summary>
    public int EnteredTopRank { get; set; } = 10;
    /// <summary>A climb of at least this many places raises "climbed" (alerts and digest alike).</summary>
    public int ClimbPlaces { get; set; } = 10;
    public int EnrichRetryBatch { get; set; } = 20;
    public HubWebhookOptions Webhook { get; set; } = new();

    public int EffectiveQuota => AssumedQuota > 0 ? AssumedQuota : string.IsNullOrEmpty(Token) ? 500 : 1000;

    public IngestOptions ToIngestOptions() => new()
    {
        BackfillCount = BackfillCount,
        EnrichRetryBatch = EnrichRetryBatch,
    };

    public RankAlertRules ToRankAlertRules() => new() { EnteredTopRank = EnteredTopRank, ClimbPlaces = ClimbPlaces };
}
