using Microsoft.Extensions.Options;
using ReleaseBot.Core.Settings;

namespace ReleaseBot.Seed;

public sealed class SeedOptionsValidator : IValidateOptions<SeedOptions>
{
    public ValidateOptionsResult Validate(string? name, SeedOptions options)
    {
        var errors = new SettingErrors(SeedOptions.Section);
        errors.Required(options.VendorsPath, nameof(options.VendorsPath));
        errors.Required(options.ReleasesPath, nameof(options.ReleasesPath));
        return errors.Result;
    }
}
