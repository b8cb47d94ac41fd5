namespace ReleaseBot.HuggingFace;

/// <summary>The Hub webhook receiver (<c>ReleaseBot:HuggingFace:Webhook</c>), off by default.</summary>
public sealed class HubWebhookOptions
{
    public bool Enabled { get; set; }
    /// <summary>Compared with <c>X-Webhook-Secret</c>; required when enabled.</summary>
    public string? Secret { get; set; }
    public string Path { get; set; } = "/hf-webhook";
    /// <summary>Where the receiver listens, e.g. <c>http://0.0.0.0:8080</c> (port 0 picks a free one).</summary>
    public string ListenUrl { get; set; } = "http://127.0.0.1:8080";
}
