using Microsoft.Extensions.Options;
using ReleaseBot.Core.Settings;

namespace ReleaseBot.Telemetry;

public sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public static readonly TimeSpan MinExportInterval = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan MaxExportInterval = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        var errors = new SettingErrors(TelemetryOptions.Section);
        if (options.Enabled)
        {
            errors.AbsoluteHttpUrl(options.OtlpEndpoint?.Trim(), nameof(options.OtlpEndpoint));
        }

        errors.InRange(options.ExportInterval, nameof(options.ExportInterval), MinExportInterval, MaxExportInterval);
        return errors.Result;
    }
}
