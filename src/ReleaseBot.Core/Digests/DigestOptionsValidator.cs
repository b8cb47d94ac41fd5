using Microsoft.Extensions.Options;
using ReleaseBot.Core.Settings;

namespace ReleaseBot.Core.Digests;

public sealed class DigestOptionsValidator : IValidateOptions<DigestOptions>
{
    public ValidateOptionsResult Validate(string? name, DigestOptions options)
    {
        var errors = new SettingErrors(DigestOptions.SectionName);
        errors.InRange(options.Tick, nameof(options.Tick), TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        errors.InRange(options.CatchUpWindow, nameof(options.CatchUpWindow), TimeSpan.Zero, TimeSpan.FromDays(1));
        return errors.Result;
    }
}
