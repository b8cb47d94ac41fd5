using Microsoft.Extensions.Options;
using ReleaseBot.Core.Settings;

namespace ReleaseBot.Core.Ingest;

/// <summary>Stops the start when an ingestion rule cannot work; <paramref name="section"/> is where the source binds them.</summary>
public sealed class IngestOptionsValidator(string section) : IValidateOptions<IngestOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestOptions options)
    {
        var errors = new SettingErrors(section);
        errors.InRange(options.BackfillCount, nameof(options.BackfillCount), 0, 1000);
        errors.InRange(options.EnrichRetryBatch, nameof(options.EnrichRetryBatch), 0, 1000);
        return errors.Result;
    }
}
