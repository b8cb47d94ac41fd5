using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using ReleaseBot.Core.Health;
using ReleaseBot.Telemetry;

namespace ReleaseBot.Composition;

public static class TelemetryRegistration
{
    /// <summary>
    /// Options <c>ReleaseBot:Telemetry</c>, and when <c>OtlpEndpoint</c> is set, an OpenTelemetry meter provider that
    /// reads the <c>ReleaseBot</c> meter (only that one) and posts it over OTLP/HTTP protobuf every <c>ExportInterval</c>.
    /// Without the setting no provider is registered: nothing listens to the meter but <c>/metrics</c>.
    /// </summary>
    public static IHostApplicationBuilder AddReleaseBotTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();
        var endpoint = builder.Configuration[$"{TelemetryOptions.Section}:{nameof(TelemetryOptions.OtlpEndpoint)}"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("releasebot", serviceVersion: typeof(TelemetryRegistration).Assembly.GetName().Version?.ToString()))
            .WithMetrics(metrics => metrics
                .AddMeter(ReleaseBotMetrics.MeterName)
                .AddReader(sp => OtlpReader(sp.GetRequiredService<IOptions<TelemetryOptions>>().Value)));
        return builder;
    }

    /// <summary>Built from the validated options: the provider is first resolved after start-up validation has run.</summary>
    private static PeriodicExportingMetricReader OtlpReader(TelemetryOptions options)
    {
        var exporter = new OtlpMetricExporter(new OtlpExporterOptions
        {
            Endpoint = options.MetricsUrl,
            Protocol = OtlpExportProtocol.HttpProtobuf,
        });
        return new PeriodicExportingMetricReader(exporter, (int)options.ExportInterval.TotalMilliseconds);
    }
}
