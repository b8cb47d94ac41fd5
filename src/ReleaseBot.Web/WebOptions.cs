namespace ReleaseBot.Web;

/// <summary>Section <c>ReleaseBot:Web</c>: the one listener that every webhook endpoint shares.</summary>
public sealed class WebOptions
{
    public const string Section = "ReleaseBot:Web";
    public const string DefaultListenUrl = "http://127.0.0.1:8080";

    /// <summary>
    /// Where the listener binds, e.g. <c>http://0.0.0.0:8080</c> (port 0 picks a free one). Empty: the listen URL
    /// an endpoint's own former setting names (<see cref="FormerListenUrls"/>), else <see cref="DefaultListenUrl"/>.
    /// </summary>
    public string? ListenUrl { get; set; }

    /// <summary>Former per-webhook listen settings that are set, by key (filled from configuration, not bound).</summary>
    public Dictionary<string, string> FormerListenUrls { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string EffectiveListenUrl =>
        !string.IsNullOrWhiteSpace(ListenUrl) ? ListenUrl : FormerListenUrls.Values.FirstOrDefault() ?? DefaultListenUrl;
}
