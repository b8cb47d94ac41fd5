using Microsoft.Extensions.Options;
using ReleaseBot.Core.Settings;

namespace ReleaseBot.Core.Retention;

public sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var errors = new SettingErrors(RetentionOptions.Section);
        errors.Positive(options.Retention, nameof(options.Retention));
        errors.Positive(options.PruneEvery, nameof(options.PruneEvery));
        errors.Positive(options.BackupEvery, nameof(options.BackupEvery));
        return errors.Result;
    }
}
