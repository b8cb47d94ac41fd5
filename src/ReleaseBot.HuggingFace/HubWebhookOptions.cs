namespace ReleaseBot.HuggingFace;

/// <summary>
/// The Hub webhook receiver (<c>ReleaseBot:HuggingFace:Webhook</c>), off by default. It is an endpoint on the shared
/// listener (<c>ReleaseBot:Web:ListenUrl</c>); the former <c>Webhook:ListenUrl</c> is read only when that is empty.
/// </summary>
public sealed class HubWebhookOptions
{
    public const string FormerListenUrlKey = HuggingFaceOptions.Section + ":Webhook:ListenUrl";

    public bool Enabled { get; set; }
    /// <summary>Compared with <c>X-Webhook-Secret</c>; required when enabled.</summary>
    public string? Secret { get; set; }
    public string Path { get; set; } = "/hf-webhook";
    /// <summary>How long a kept notice whose ingest failed (the Hub down) waits before it is tried again.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(30);
}
