namespace ReleaseBot.Core.Health;

/// <summary>Section <c>ReleaseBot:Health</c>: the health and metrics listener, and what counts as ready.</summary>
public sealed class HealthOptions
{
    public const string Section = "ReleaseBot:Health";

    /// <summary>
    /// Where <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c> are served, e.g. <c>http://127.0.0.1:9090</c>. Empty (the
    /// default): no health listener. The same URL as <c>ReleaseBot:Web:ListenUrl</c> serves them on the webhook listener.
    /// </summary>
    public string? ListenUrl { get; set; }

    /// <summary>The Hub poller is ready while its last successful poll is at most this old.</summary>
    public TimeSpan MaxPollAge { get; set; } = TimeSpan.FromMinutes(30);

    public bool Enabled => !string.IsNullOrWhiteSpace(ListenUrl);
}
