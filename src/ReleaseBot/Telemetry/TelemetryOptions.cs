namespace ReleaseBot.Telemetry;

/// <summary>Section <c>ReleaseBot:Telemetry</c>: pushing the <c>ReleaseBot</c> meter to an OpenTelemetry collector.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "ReleaseBot:Telemetry";

    /// <summary>
    /// The collector's OTLP/HTTP base URL, e.g. <c>http://127.0.0.1:4318</c>; metrics are posted as protobuf to
    /// <c>{OtlpEndpoint}/v1/metrics</c>. Empty (the default): no exporter. <c>/metrics</c> is served either way.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>How often the meter's values are collected and posted.</summary>
    public TimeSpan ExportInterval { get; set; } = TimeSpan.FromMinutes(1);

    public bool Enabled => !string.IsNullOrWhiteSpace(OtlpEndpoint);

    /// <summary>
    /// The URL the exporter posts to. The SDK appends the signal path only to an endpoint it read from
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, never to one set in code, so it is appended here.
    /// </summary>
    public Uri MetricsUrl => new(OtlpEndpoint!.Trim().TrimEnd('/') + "/v1/metrics", UriKind.Absolute);
}
