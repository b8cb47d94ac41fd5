using Microsoft.Extensions.Options;
using ReleaseBot.Core.Settings;

namespace ReleaseBot.Core.Dispatch;

public sealed class DispatchOptionsValidator : IValidateOptions<DispatchOptions>
{
    public ValidateOptionsResult Validate(string? name, DispatchOptions options)
    {
        var errors = new SettingErrors(DispatchOptions.SectionName);
        errors.InRange(options.PollInterval, nameof(options.PollInterval), TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1));
        errors.InRange(options.MaxAttempts, nameof(options.MaxAttempts), 1, 100);
        errors.InRange(options.GiveUpAfter, nameof(options.GiveUpAfter), TimeSpan.Zero, TimeSpan.FromDays(30));
        errors.InRange(options.BaseBackoff, nameof(options.BaseBackoff), TimeSpan.Zero, TimeSpan.FromHours(1));
        errors.InRange(options.MaxBackoff, nameof(options.MaxBackoff), TimeSpan.Zero, TimeSpan.FromDays(1));
        errors.InRange(options.MaxConcurrency, nameof(options.MaxConcurrency), 1, 1024);
        errors.InRange(options.BatchSize, nameof(options.BatchSize), 1, 100_000);
        return errors.Result;
    }
}
