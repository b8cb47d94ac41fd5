using Microsoft.Extensions.Options;
using ReleaseBot.Core.Settings;

namespace ReleaseBot.LiteDb;

public sealed class StoreOptionsValidator : IValidateOptions<StoreOptions>
{
    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        var errors = new SettingErrors(StoreOptions.SectionName);
        errors.Required(options.DataPath, nameof(options.DataPath));
        return errors.Result;
    }
}
