using ReleaseBot.Telemetry;

namespace ReleaseBot.Tests.Telemetry;

public sealed class TelemetryOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_SucceedWithExporterOff()
    {
        var options = new TelemetryOptions();

        Assert.True(new TelemetryOptionsValidator().Validate(null, options).Succeeded);
        Assert.False(options.Enabled);
        Assert.Equal(TimeSpan.FromMinutes(1), options.ExportInterval);
    }

    [Theory]
    [InlineData("http://127.0.0.1:4318", "http://127.0.0.1:4318/v1/metrics")]
    [InlineData("https://otel.example.org/", "https://otel.example.org/v1/metrics")]
    [InlineData("http://collector:4318/otlp", "http://collector:4318/otlp/v1/metrics")]
    public void MetricsUrl_HttpEndpoint_ValidAndSignalPathAppended(string endpoint, string expected)
    {
        var options = new TelemetryOptions { OtlpEndpoint = endpoint };

        Assert.True(new TelemetryOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(new Uri(expected), options.MetricsUrl);
    }

    [Theory]
    [InlineData("127.0.0.1:4318")]
    [InlineData("/v1/metrics")]
    [InlineData("grpc://127.0.0.1:4317")]
    public void Validate_EndpointNotAbsoluteHttp_FailsNamingIt(string endpoint)
    {
        var result = new TelemetryOptionsValidator().Validate(null, new TelemetryOptions { OtlpEndpoint = endpoint });

        Assert.True(result.Failed);
        Assert.Contains("ReleaseBot:Telemetry:OtlpEndpoint", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00.099")]
    [InlineData("01:00:00.001")]
    [InlineData("00:00:00")]
    public void Validate_IntervalOutOfRange_FailsNamingIt(string interval)
    {
        var result = new TelemetryOptionsValidator().Validate(null, new TelemetryOptions { ExportInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Contains("ReleaseBot:Telemetry:ExportInterval must be between", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00.100")]
    [InlineData("01:00:00")]
    public void Validate_IntervalAtBounds_Succeeds(string interval)
    {
        var options = new TelemetryOptions { ExportInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture) };

        Assert.True(new TelemetryOptionsValidator().Validate(null, options).Succeeded);
    }
}
