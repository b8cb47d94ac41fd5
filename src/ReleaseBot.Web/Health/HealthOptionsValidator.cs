using Microsoft.Extensions.Options;
using ReleaseBot.Core.Health;
using ReleaseBot.Core.Settings;

namespace ReleaseBot.Web.Health;

public sealed class HealthOptionsValidator : IValidateOptions<HealthOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthOptions options)
    {
        var errors = new SettingErrors(HealthOptions.Section);
        if (options.Enabled)
        {
            errors.AbsoluteHttpUrl(options.ListenUrl, nameof(options.ListenUrl));
        }

        errors.Positive(options.MaxPollAge, nameof(options.MaxPollAge));
        return errors.Result;
    }
}
